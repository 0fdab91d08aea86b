"""Stride Lens notebook helper: show an array's strided layout in VS Code.

    from stride_lens import show_layout
    show_layout(patches, name="patches")

The output carries the MIME type ``application/vnd.stride-lens.layout.v1+json``, which the
Stride Lens extension renders as its layout report (shape, byte strides, extent, bounds
against the buffer the view was made from, contiguity). Other front ends show the
``text/plain`` summary. NumPy is required; PyTorch tensors are supported when torch is
installed. Nothing here reads the array's values.
"""

from __future__ import annotations

import numpy as np

__all__ = ["ARRAY_MIME_TYPE", "MIME_TYPE", "array_bundle", "layout_bundle", "show", "show_layout"]

MIME_TYPE = "application/vnd.stride-lens.layout.v1+json"

try:  # NumPy 2.0 moved byte_bounds out of the main namespace
    from numpy.lib.array_utils import byte_bounds as _byte_bounds
except ImportError:  # NumPy 1.x
    _byte_bounds = np.byte_bounds


def _reach(shape, strides, offset: int, itemsize: int) -> tuple[int, int]:
    """The bytes [low, high) a view with these byte strides reaches, from its first element's offset."""
    if 0 in shape:
        return offset, offset
    low = offset + sum(min(0, (n - 1) * s) for n, s in zip(shape, strides))
    high = offset + itemsize + sum(max(0, (n - 1) * s) for n, s in zip(shape, strides))
    return low, high


def _numpy_bundle(a: np.ndarray) -> dict:
    # The buffer a view reads is the memory of the array that owns it (the end of the
    # .base chain); its byte bounds are the buffer, and the view's offset is measured from
    # their start, as NumPy's own np.ndarray(buffer=..., offset=...) does.
    owner = _owner(a)
    start, end = _byte_bounds(owner)
    return {
        "version": 1,
        "unit": "bytes",
        "dtype": a.dtype.str,
        "shape": list(a.shape),
        "strides": list(a.strides),
        "offset": a.__array_interface__["data"][0] - start,
        "bufferBytes": end - start,
        "bufferShape": list(owner.shape) if owner.dtype == a.dtype else None,
    }


def _torch_dtype_str(t) -> str:
    try:
        return np.dtype(str(t.dtype).removeprefix("torch.")).str
    except TypeError:  # bfloat16 and others NumPy has no name for: opaque items of the right size
        return f"|V{t.element_size()}"


def _torch_bundle(t) -> dict:
    storage = t.untyped_storage() if hasattr(t, "untyped_storage") else t.storage()
    nbytes = storage.nbytes() if hasattr(storage, "nbytes") else storage.size() * t.element_size()
    return {
        "version": 1,
        "unit": "elements",
        "dtype": _torch_dtype_str(t),
        "shape": list(t.shape),
        "strides": list(t.stride()),
        "offset": t.storage_offset(),
        "bufferBytes": nbytes,
        "bufferShape": None,
    }


def layout_bundle(array, name: str | None = None) -> dict:
    """The layout of a NumPy array or a torch tensor as the JSON the renderer reads."""
    if isinstance(array, np.ndarray):
        bundle = _numpy_bundle(array)
    elif type(array).__module__.startswith("torch"):
        bundle = _torch_bundle(array)
    else:
        raise TypeError(f"show_layout needs a numpy.ndarray or a torch.Tensor, not {type(array).__name__}")
    bundle["name"] = name
    return bundle


def show_layout(array, name: str | None = None) -> None:
    """Display the layout of ``array`` in the notebook (rendered by Stride Lens in VS Code)."""
    from IPython.display import display

    bundle = layout_bundle(array, name)
    unit = "B" if bundle["unit"] == "bytes" else "elements"
    text = (f"{name or 'array'}: shape {tuple(bundle['shape'])}, strides {tuple(bundle['strides'])} {unit}, "
            f"offset {bundle['offset']} {unit}, dtype {bundle['dtype']}, buffer {bundle['bufferBytes']} B")
    display({MIME_TYPE: bundle, "text/plain": text}, raw=True)


# ---- the array payload: values as well as layout ------------------------------------------

ARRAY_MIME_TYPE = "application/vnd.stride-lens.array.v1+json"

#: Default cap on the bytes a payload carries (set per call with ``max_bytes``).
MAX_BYTES = 4 << 20


def _owner(a: np.ndarray) -> np.ndarray:
    """The array that owns a view's memory. as_strided's result hangs off a helper object
    whose own .base is the source array."""
    owner = a
    while True:
        base = owner.base
        if not isinstance(base, np.ndarray):
            base = getattr(base, "base", None)
        if not isinstance(base, np.ndarray):
            return owner
        owner = base


def _buffer_shape(a: np.ndarray, start: int, nbytes: int):
    """The shape of the nearest array in a's chain of bases (a itself first) that is the whole
    buffer in C order with a's itemsize: its axes are the ones a patch grid is drawn over
    (an image, not the flat arange it was reshaped from). None when there is none."""
    x = a
    while x is not None:
        if (isinstance(x, np.ndarray) and x.flags.c_contiguous and x.dtype.itemsize == a.dtype.itemsize
                and x.nbytes == nbytes and x.__array_interface__["data"][0] == start):
            return list(x.shape)
        x = getattr(x, "base", None)
    return None


def _read(address: int, n: int) -> bytes:
    """A copy of n bytes at address: called only for ranges inside an allocation."""
    import ctypes

    return ctypes.string_at(address, n) if n > 0 else b""


def _summary(values: np.ndarray):
    if values.dtype.kind not in "biuf" or values.size == 0:
        return None
    finite = values[np.isfinite(values)] if values.dtype.kind == "f" else values
    out = {
        "nan": int(np.isnan(values).sum()) if values.dtype.kind == "f" else 0,
        "posinf": int(np.isposinf(values).sum()) if values.dtype.kind == "f" else 0,
        "neginf": int(np.isneginf(values).sum()) if values.dtype.kind == "f" else 0,
    }
    if finite.size == 0:
        return {**out, "min": None, "max": None, "mean": None, "std": None}
    if values.dtype.kind in "biu":
        lo, hi = int(finite.min()), int(finite.max())
        exact = lambda v: v if abs(v) < 2**53 else str(v)  # noqa: E731 - JSON numbers stay exact
        return {**out, "min": exact(lo), "max": exact(hi), "mean": float(finite.mean(dtype=np.float64)), "std": float(finite.std(dtype=np.float64))}
    return {**out, "min": float(finite.min()), "max": float(finite.max()), "mean": float(finite.mean(dtype=np.float64)), "std": float(finite.std(dtype=np.float64))}


def _sample(values: np.ndarray, cap: int):
    """Every s-th element along every axis, the smallest s whose copy fits in ``cap`` bytes
    (for arrays over the cap): ``{"step": s, "shape": …, "base64": …}`` in C order, or None.
    Only the sampled elements are read."""
    import base64

    nd, item = values.ndim, values.dtype.itemsize
    if nd == 0 or values.size == 0 or item == 0:
        return None

    def nbytes(s):
        n = item
        for d in values.shape:
            n *= -(-d // s)
        return n

    lo, hi = 2, max(2, max(values.shape))
    if nbytes(hi) > cap:
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if nbytes(mid) <= cap:
            hi = mid
        else:
            lo = mid + 1
    sub = np.ascontiguousarray(values[(slice(None, None, lo),) * nd])
    return {"step": lo, "shape": list(sub.shape), "base64": base64.b64encode(sub.tobytes()).decode("ascii")}


def array_bundle(array, name: str | None = None, max_bytes: int | None = None) -> dict:
    """The display bundle of a NumPy array or a torch tensor: MIME type -> payload.

    ``application/vnd.stride-lens.array.v1+json`` holds the layout (shape, strides, offset
    from the start of the allocation the view reads, its size, whether the view stays inside
    it) and the bytes the view reads, base64-encoded, when they fit in ``max_bytes``
    (``MAX_BYTES`` by default) — above it, ``sample``: every s-th element along every axis,
    the finest such sample that fits; ``text/plain`` is the library's own repr. Memory outside the
    allocation is never read: a view that runs past it (a bad ``as_strided``) is reported
    with ``inBounds: False``, only its bytes inside the allocation and, instead of the repr
    (which would read past it), a line saying which bytes it reaches.
    """
    import base64

    cap = MAX_BYTES if max_bytes is None else int(max_bytes)
    buffer_shape = None
    if isinstance(array, np.ndarray):
        a = array
        unit = "bytes"
        owner = _owner(a)
        start, end = _byte_bounds(owner)
        address = a.__array_interface__["data"][0]
        offset = address - start
        strides = list(a.strides)
        itemsize = a.dtype.itemsize
        dtype = a.dtype.str if a.dtype.names is None else a.dtype.descr
        note = None
        buffer_shape = _buffer_shape(a, start, end - start)
    elif type(array).__module__.startswith("torch"):
        t = array
        if t.device.type != "cpu":
            raise ValueError(f"array_bundle reads CPU tensors; this one is on {t.device}")
        storage = t.untyped_storage() if hasattr(t, "untyped_storage") else t.storage()
        itemsize = t.element_size()
        nbytes = storage.nbytes() if hasattr(storage, "nbytes") else storage.size() * itemsize
        start = storage.data_ptr()
        end = start + nbytes
        unit = "elements"
        offset = t.storage_offset()
        strides = list(t.stride())
        address = start + offset * itemsize
        dtype = _torch_dtype_str(t)
        note = None if not dtype.startswith("|V") else f"{t.dtype} has no NumPy type"
        dtype = None if note else dtype
        a = None
    else:
        raise TypeError(f"array_bundle needs a numpy.ndarray or a torch.Tensor, not {type(array).__name__}")

    shape = list(array.shape)
    step = 1 if unit == "bytes" else itemsize
    # The bytes the view reaches: [low, high) relative to the allocation's start.
    low, high = _reach(shape, [s * step for s in strides], address - start, itemsize)
    buffer_bytes = end - start
    in_bounds = low >= 0 and high <= buffer_bytes
    read_low, read_high = max(0, low), min(buffer_bytes, high)
    # The library's repr reads every element, so it is only asked for in-bounds views.
    repr_text = repr(array) if in_bounds else (
        f"<{type(array).__name__} shape={tuple(shape)} strides={tuple(strides)}: reads bytes [{low}, {high}) of a "
        f"{buffer_bytes}-byte buffer; values outside it are not shown>")
    fits = read_high - read_low <= cap
    data = None
    if fits and read_high > read_low:
        data = {"start": read_low, "base64": base64.b64encode(_read(start + read_low, read_high - read_low)).decode("ascii")}
    elif fits:
        data = {"start": read_low, "base64": ""}
    # The values as NumPy holds them, for the summary and the sample (torch: the same memory).
    values = a if a is not None else (array.detach().numpy() if dtype is not None else None)
    summary = None
    if values is not None and in_bounds and values.dtype.names is None:
        summary = _summary(values)
    sample = _sample(values, cap) if values is not None and in_bounds and not fits else None
    payload = {
        "version": 1, "dtype": dtype, **({"dtypeNote": note} if note else {}), "shape": shape, "strides": strides,
        "offset": offset, "unit": unit, "itemsize": itemsize, "bufferBytes": buffer_bytes, "bufferShape": buffer_shape, "inBounds": bool(in_bounds),
        "data": data, "truncated": not fits, "sample": sample, "summary": summary, "window": None, "name": name, "repr": repr_text,
    }
    return {ARRAY_MIME_TYPE: payload, "text/plain": repr_text}


def show(array, name: str | None = None, max_bytes: int | None = None) -> None:
    """Display ``array`` in the notebook with its values and layout (Stride Lens in VS Code)."""
    from IPython.display import display

    display(array_bundle(array, name, max_bytes), raw=True)


def load_ipython_extension(ipython) -> None:
    """``%load_ext stride_lens``: every numpy.ndarray (and torch.Tensor) output carries the bundle."""
    formatter = ipython.display_formatter.mimebundle_formatter

    def bundle(x, include=None, exclude=None):
        try:
            return array_bundle(x)
        except (TypeError, ValueError):  # a tensor on a GPU, say: the usual repr instead
            return None

    formatter.for_type(np.ndarray, bundle)
    try:
        import torch

        formatter.for_type(torch.Tensor, bundle)
    except ImportError:
        pass
