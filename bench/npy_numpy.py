"""NumPy side of bench/npy.ts. Usage:
  npy_numpy.py create PATH N ROWS   write an N×N float32 .npy (sparse: only ROWS rows written)
  npy_numpy.py page PATH REPS       time np.load(PATH, mmap_mode='r')[:100, :100].copy()
  npy_numpy.py stats PATH REPS [f64] time min/max/mean/std/NaN/inf counts over the memmap
                                    (f64: also with float64 accumulators, mean(dtype=float64) etc.)
Prints one JSON object. Single-threaded: NumPy reductions do not use threads.
"""
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def create(path, n, rows):
    a = np.lib.format.open_memmap(path, mode="w+", dtype="<f4", shape=(n, n))
    rng = np.random.default_rng(7)
    step = 256
    for r in range(0, rows, step):
        a[r:r + step] = rng.standard_normal((min(step, rows - r), n), dtype=np.float32) * 10
    # A few sparse blocks further in, so reads far from the start see data too.
    for r in (n // 3, n // 2, n - 8):
        a[r:r + 8, :] = rng.standard_normal((min(8, n - r), n), dtype=np.float32)
    a.flush()
    del a
    return {"path": path, "apparent": os.path.getsize(path), "allocated": os.stat(path).st_blocks * 512}


def page(path, reps):
    times = []
    for _ in range(reps + 5):
        t0 = time.perf_counter()
        block = np.load(path, mmap_mode="r")[:100, :100].copy()
        times.append(time.perf_counter() - t0)
    times = sorted(times[5:])
    return {"median_s": times[len(times) // 2], "min_s": times[0], "times_s": times, "checksum": float(block.astype(np.float64).sum())}


def stats(path, reps, with_f64):
    out = {}
    variants = (("float32_accumulators", False), ("float64_accumulators", True)) if with_f64 else (("float32_accumulators", False),)
    for label, f64 in variants:
        best = None
        for _ in range(1 if f64 else reps):  # the float64 variant is slow; once is enough
            a = np.load(path, mmap_mode="r")
            t0 = time.perf_counter()
            kw = {"dtype": np.float64} if f64 else {}
            r = {"min": float(a.min()), "max": float(a.max()), "mean": float(a.mean(**kw)), "std": float(a.std(**kw)),
                 "nan": int(np.isnan(a).sum()), "inf": int(np.isinf(a).sum())}
            dt = time.perf_counter() - t0
            if best is None or dt < best[0]:
                best = (dt, r)
            del a
        out[label] = {"seconds": best[0], "result": best[1]}
    return out


cmd, path = sys.argv[1], sys.argv[2]
if cmd == "create":
    print(json.dumps(create(path, int(sys.argv[3]), int(sys.argv[4]))))
elif cmd == "page":
    print(json.dumps(page(path, int(sys.argv[3]))))
else:
    print(json.dumps(stats(path, int(sys.argv[3]), len(sys.argv) > 4 and sys.argv[4] == "f64")))
