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

__all__ = ["MIME_TYPE", "layout_bundle", "show_layout"]

MIME_TYPE = "application/vnd.stride-lens.layout.v1+json"

try:  # NumPy 2.0 moved byte_bounds out of the main namespace
    from numpy.lib.array_utils import byte_bounds as _byte_bounds
except ImportError:  # NumPy 1.x
    _byte_bounds = np.byte_bounds


def _numpy_bundle(a: np.ndarray) -> dict:
    # The buffer a view reads is the memory of the array that owns it (the end of the
    # .base chain); its byte bounds are the buffer, and the view's offset is measured from
    # their start, as NumPy's own np.ndarray(buffer=..., offset=...) does.
    # as_strided's result hangs off a helper object whose own .base is the source array.
    owner = a
    while True:
        base = owner.base
        if not isinstance(base, np.ndarray):
            base = getattr(base, "base", None)
        if not isinstance(base, np.ndarray):
            break
        owner = base
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
