"""NumPy's side of the Stride Lens kernel benchmarks: ``python -m stride_lens.bench``.

Reads one JSON request on stdin and writes JSON lines on stdout, one message per line,
flushed as they come (the extension shows progress and stops a run by killing the process).
The protocol is ``src/bench/numpyProtocol.ts``; sizes are ``src/bench/sizes.ts``.

Inputs are never sent: both sides fill them by one formula (``src/bench/inputs.ts``), so our
reference can be compared with NumPy's output through its sum and values at given indices.
Before it is timed, each variant is also checked here against a plain NumPy computation.

Variants are the code a NumPy user writes: ``as_strided`` windows and one vectorised call,
and, at the seeds' small sizes, Python loops (a loop per output element, NumPy only for the
small window each element reads) to show what the vectorised view saves.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

from stride_lens import _byte_bounds, _reach

INPUT_SEED = (37, 1009)
WEIGHT_SEED = (53, 997)
HIGH_SPREAD = 0.1


def emit(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def formula(n: int, seed=INPUT_SEED, dtype=np.float32) -> np.ndarray:
    """Element i = ((i * a) % m) / m - 0.5 in float64, then cast: what src/bench/inputs.ts computes."""
    a, m = seed
    out = np.empty(n, dtype=dtype)
    for start in range(0, n, 1 << 20):  # in chunks: no int64/float64 temporaries of the whole size
        i = np.arange(start, min(n, start + (1 << 20)), dtype=np.int64)
        out[start:start + i.size] = ((i * a) % m) / m - 0.5
    return out


# ---- machine ---------------------------------------------------------------------------

def _blas_name():
    try:
        cfg = np.show_config(mode="dicts")  # NumPy >= 1.25
        blas = cfg.get("Build Dependencies", {}).get("blas", {})
        name = blas.get("name")
        version = blas.get("version")
        return f"{name} {version}".strip() if name else None
    except TypeError:  # older NumPy: show_config takes no mode
        pass
    try:
        info = np.__config__.get_info("blas_opt_info") or np.__config__.get_info("openblas_info")  # type: ignore[attr-defined]
        libs = info.get("libraries") if info else None
        return ", ".join(libs) if libs else None
    except Exception:  # noqa: BLE001 - only a label
        return None


def _threads():
    try:
        from threadpoolctl import threadpool_info  # optional
        pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
        if pools:
            return int(pools[0]["num_threads"]), f"threadpoolctl ({pools[0].get('internal_api', 'blas')})"
    except Exception:  # noqa: BLE001 - not installed, or it failed: fall back to the environment
        pass
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        v = os.environ.get(var, "").strip()
        if v.isdigit() and int(v) > 0:
            return int(v), f"${var}"
    n = os.cpu_count()
    return n, f"BLAS default: up to os.cpu_count() = {n}"


def machine() -> dict:
    threads, source = _threads()
    return {
        "python": platform.python_version(),
        "executable": sys.executable,
        "numpy": np.__version__,
        "blas": _blas_name(),
        "threads": threads,
        "threadsSource": source,
    }


# ---- timing (adaptive autorange, as src/bench/stats.ts) ---------------------------------

def _iqr_ratio(samples):
    q1, med, q3 = np.quantile(samples, [0.25, 0.5, 0.75])
    return (q3 - q1) / med if med > 0 else 0.0


def autorange(fn, timing: dict):
    fn()  # warm-up
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        block_ms = (time.perf_counter() - t0) * 1e3
        if block_ms >= timing["minBlockMs"] or calls >= 1 << 20:
            break
        calls *= min(16, max(2, int(np.ceil(timing["minBlockMs"] / block_ms)))) if block_ms > 0 else 16
    samples = [block_ms / calls]
    start = time.perf_counter()
    while len(samples) < timing["maxSamples"]:
        if len(samples) >= timing["minSamples"]:
            if _iqr_ratio(samples) < HIGH_SPREAD or (time.perf_counter() - start) * 1e3 >= timing["budgetMs"]:
                break
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - t0) * 1e3 / calls)
    return samples, calls


# ---- suites ----------------------------------------------------------------------------

class Variant:
    def __init__(self, name, computes, fn, expected, *, bytes_=None, macs=None):
        self.name, self.computes, self.fn, self.expected = name, computes, fn, expected
        self.bytes, self.macs = bytes_, macs


def conv2d(p, loops):
    h, w, c, f = p["h"], p["w"], p["c"], p["f"]
    ho, wo = h - 2, w - 2
    img = formula(h * w * c).reshape(h, w, c)
    wt = formula(9 * c * f, WEIGHT_SEED).reshape(3, 3, c, f)
    s0, s1, s2 = img.strides
    w2 = wt.reshape(9 * c, f)
    macs = ho * wo * f * 9 * c

    def im2col():
        # the seed's view: (Ho, Wo, 3, 3, C) windows, one matmul
        patches = as_strided(img, shape=(ho, wo, 3, 3, c), strides=(s0, s1, s0, s1, s2), writeable=False)
        return (patches.reshape(ho * wo, 9 * c) @ w2).reshape(ho, wo, f)

    def loop():
        out = np.empty((ho, wo, f), dtype=np.float32)
        for y in range(ho):
            for x in range(wo):
                out[y, x] = np.tensordot(img[y:y + 3, x:x + 3], wt, axes=3)
        return out

    # reference: float64 einsum over sliding_window_view (independent of as_strided)
    expected = np.einsum("yxcij,ijcf->yxf", sliding_window_view(img.astype(np.float64), (3, 3), axis=(0, 1)), wt.astype(np.float64))
    vs = [Variant("numpy:as_strided im2col + matmul", "conv", im2col, expected, macs=macs)]
    if loops:
        vs.insert(0, Variant("numpy:loops (per output pixel)", "conv", loop, expected, macs=macs))
    return vs


def maxpool(p, loops):
    c, h, w = p["c"], p["h"], p["w"]
    x = formula(c * h * w).reshape(c, h, w)
    s0, s1, s2 = x.strides
    nbytes = x.nbytes + x.nbytes // 4

    def windows():
        v = as_strided(x, shape=(c, h // 2, w // 2, 2, 2), strides=(s0, 2 * s1, 2 * s2, s1, s2), writeable=False)
        return v.max(axis=(-2, -1))

    def loop():
        out = np.empty((c, h // 2, w // 2), dtype=np.float32)
        for k in range(c):
            for y in range(h // 2):
                for z in range(w // 2):
                    out[k, y, z] = x[k, 2 * y:2 * y + 2, 2 * z:2 * z + 2].max()
        return out

    expected = x.reshape(c, h // 2, 2, w // 2, 2).max(axis=(2, 4))
    vs = [Variant("numpy:as_strided windows .max", "pool", windows, expected, bytes_=nbytes)]
    if loops:
        vs.insert(0, Variant("numpy:loops", "pool", loop, expected, bytes_=nbytes))
    return vs


def transpose(p, _loops):
    r, c = p["rows"], p["cols"]
    a = formula(r * c).reshape(r, c)
    dst = np.empty_like(a)
    n = a.nbytes

    def copyto():
        np.copyto(dst, a)
        return dst

    total = float(a.astype(np.float64).sum())

    def by_rows():  # each row is contiguous: the C order of the data
        return np.array([sum(float(row.sum(dtype=np.float64)) for row in a)])

    def by_columns():  # each column jumps a whole row per element: the F order over C data
        return np.array([sum(float(col.sum(dtype=np.float64)) for col in a.T)])

    return [
        Variant("numpy:np.copyto (copy)", "copy", copyto, a, bytes_=2 * n),
        Variant("numpy:a.T.copy()", "transpose", lambda: a.T.copy(), np.ascontiguousarray(a.T), bytes_=2 * n),
        # a whole-array a.sum() lets NumPy pick the memory order itself; a loop over rows or
        # over columns, each summed by NumPy, is the traversal a user chooses
        Variant("numpy:sum row by row (C order)", "sum", by_rows, np.array([total]), bytes_=n),
        Variant("numpy:sum column by column (F order)", "sum", by_columns, np.array([total]), bytes_=n),
    ]


def window(p, _loops):
    n, w = p["n"], p["w"]
    x = formula(n)
    windows = n - w + 1
    sums_bytes = n * 4 + windows * 8
    max_bytes = (n + windows) * 4

    def running():
        c = np.concatenate(([0.0], np.cumsum(x, dtype=np.float64)))
        return c[w:] - c[:-w]

    sums = sliding_window_view(x.astype(np.float64), w).sum(axis=-1)
    maxes = sliding_window_view(x, w).max(axis=-1)
    return [
        Variant("numpy:sliding_window_view(x, w).sum(-1)", "rolling-sum", lambda: sliding_window_view(x, w).sum(axis=-1, dtype=np.float64), sums, bytes_=sums_bytes),
        Variant("numpy:cumsum running sum", "rolling-sum", running, sums, bytes_=sums_bytes),
        Variant("numpy:sliding_window_view(x, w).max(-1)", "rolling-max", lambda: sliding_window_view(x, w).max(axis=-1), maxes, bytes_=max_bytes),
    ]


SUITES = {"conv2d": conv2d, "maxpool": maxpool, "transpose": transpose, "window": window}
TOLERANCE = {"conv": 1e-4, "rolling-sum": 1e-4}


def _agrees(out, expected, computes) -> bool:
    out = np.asarray(out)
    if out.shape != np.shape(expected):
        return False
    if computes in TOLERANCE:
        return bool(np.allclose(out, expected, rtol=TOLERANCE[computes], atol=TOLERANCE[computes]))
    if computes == "sum":
        return bool(np.allclose(out, expected, rtol=1e-9, atol=1e-6))
    return bool(np.array_equal(out, expected))


def run_suites(req: dict) -> None:
    timing = req["timing"]
    for run in req["runs"]:
        suite, size, params = run["suite"], run["size"], run["p"]
        if suite not in SUITES:
            emit({"type": "error", "message": f"unknown suite {suite!r}"})
            continue
        for v in SUITES[suite](params, bool(req.get("loops"))):
            base = {"type": "result", "suite": suite, "variant": v.name, "size": size, "computes": v.computes,
                    "bytes": v.bytes, "macs": v.macs}
            out = np.asarray(v.fn())
            if not _agrees(out, v.expected, v.computes):
                emit({**base, "samplesMs": [], "callsPerSample": 0, "check": None,
                      "note": "not verified, not timed: differs from NumPy's plain computation of the same output"})
                continue
            flat = out.reshape(-1)
            at = [float(flat[i]) for i in req.get("checkIndices", {}).get(v.computes, [])]
            check = {"count": int(flat.size), "sum": float(flat.sum(dtype=np.float64)), "at": at}
            del out, flat
            samples, calls = autorange(v.fn, timing)
            emit({**base, "samplesMs": samples, "callsPerSample": calls, "check": check, "note": None})


# ---- "Benchmark this view" ---------------------------------------------------------------

def _view(source, shape, strides, offset):
    """The view over `source`'s buffer, refused (ValueError) when it would read outside it."""
    itemsize = source.itemsize
    lo, hi = _byte_bounds(source)
    nbytes = hi - lo
    if offset % itemsize:
        raise ValueError(f"offset {offset} is not a multiple of the itemsize {itemsize}")
    low, high = _reach(shape, strides, offset, itemsize)
    if low < 0 or high > nbytes:
        raise ValueError(f"the view reads bytes [{low}, {high}) of a {nbytes}-byte buffer: refused, nothing read")
    if not (source.flags.c_contiguous or source.flags.f_contiguous):
        raise ValueError("the source is not contiguous")
    flat = source.reshape(-1, order="F" if not source.flags.c_contiguous else "C")  # a view, in memory order
    return as_strided(flat[offset // itemsize:], shape=tuple(shape), strides=tuple(strides), writeable=False)


def run_view(req: dict) -> None:
    timing = req["timing"]
    dtype = np.dtype(req["dtype"])
    if dtype.kind not in "biufc":
        raise ValueError(f"dtype {dtype} is not numeric")
    shape, strides, offset = req["shape"], req["strides"], req["offset"]
    if len(shape) != len(strides):
        raise ValueError(f"shape {tuple(shape)} and strides {tuple(strides)} differ in length")
    count = int(np.prod(req["sourceShape"], dtype=np.int64))
    source = formula(count, dtype=np.float64).astype(dtype).reshape(req["sourceShape"])
    view = _view(source, shape, strides, offset)
    axes = tuple(req["windowAxes"]) or None
    size = "x".join(str(n) for n in shape)
    nbytes = int(view.size) * dtype.itemsize
    src_buf = np.empty(max(1, nbytes // dtype.itemsize), dtype=dtype)
    dst_buf = np.empty_like(src_buf)

    def result(name, fn, bytes_, check_against=None):
        base = {"type": "result", "suite": "view", "variant": name, "size": size, "computes": "view", "bytes": bytes_, "macs": None, "check": None}
        if check_against is not None and not np.array_equal(np.asarray(fn()), check_against):
            emit({**base, "samplesMs": [], "callsPerSample": 0, "note": "not verified, not timed: the copy differs from the view"})
            return
        samples, calls = autorange(fn, timing)
        emit({**base, "samplesMs": samples, "callsPerSample": calls, "note": None})

    axes_text = "" if axes is None else f"axis={axes[0] if len(axes) == 1 else axes}"
    result("numpy:view.copy()", view.copy, 2 * nbytes, view)
    result(f"numpy:view.sum({axes_text})", lambda: view.sum(axis=axes), nbytes)
    result("numpy:contiguous copy of the same bytes", lambda: np.copyto(dst_buf, src_buf), 2 * nbytes)
    other = req.get("otherOrder")
    if other:
        fsource = np.asfortranarray(source)
        fview = _view(fsource, shape, other["strides"], other["offset"])
        if not np.array_equal(fview, view):
            emit({"type": "error", "message": "the view over the F-ordered source is not the same view"})
            return
        result("numpy:view.copy() (source in F order)", fview.copy, 2 * nbytes, fview)
        result(f"numpy:view.sum({axes_text}) (source in F order)", lambda: fview.sum(axis=axes), nbytes)


def main() -> int:
    try:
        req = json.loads(sys.stdin.read())
        if not isinstance(req, dict) or req.get("kind") not in ("suites", "view"):
            raise ValueError("the request is not a JSON object with kind 'suites' or 'view'")
    except ValueError as e:
        emit({"type": "error", "message": f"bad request: {e}"})
        return 1
    emit({"type": "machine", "machine": machine()})
    try:
        if req["kind"] == "suites":
            run_suites(req)
        else:
            run_view(req)
    except (ValueError, KeyError, TypeError, MemoryError) as e:
        emit({"type": "error", "message": f"{type(e).__name__}: {e}"})
        return 1
    emit({"type": "done"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
