# uniform_filter1d-style box filter: axis = normalize_axis_index(axis, x.ndim), reflect-pad that axis, sliding_window_view along it.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def normalize_axis_index(axis, ndim):
    if axis < -ndim or axis >= ndim:
        raise IndexError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis + ndim if axis < 0 else axis


def box_filter1d(x, size, axis=-1):
    axis = normalize_axis_index(axis, x.ndim)
    pad = [(0, 0)] * x.ndim
    pad[axis] = (size // 2, size - 1 - size // 2)
    padded = np.pad(x, pad, mode="reflect")
    win = sliding_window_view(padded, size, axis=axis)  # expect: -
    return win.mean(axis=-1)


img = np.arange(64, dtype=np.float64).reshape(8, 8)
smooth_rows = box_filter1d(img, 3)  # expect: -
smooth_cols = box_filter1d(img, 5, axis=-2)  # expect: -
assert smooth_rows.shape == img.shape and smooth_cols.shape == img.shape
print(smooth_cols[:, 0])
