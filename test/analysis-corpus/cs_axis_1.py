# Moving average along any axis with a normalize_axis_index-style check; the window axis is appended last. Called for axis=-1 and axis=0.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def normalize_axis_index(axis, ndim):
    if not -ndim <= axis < ndim:
        raise ValueError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim


def moving_average(x, size, axis=-1):
    axis = normalize_axis_index(axis, x.ndim)
    n = x.shape[axis]
    if not 1 <= size <= n:
        raise ValueError("size must be between 1 and the length of the axis")
    shape = x.shape[:axis] + (n - size + 1,) + x.shape[axis + 1:] + (size,)
    strides = x.strides + (x.strides[axis],)
    return as_strided(x, shape, strides, writeable=False).mean(axis=-1)  # expect: -


signals = np.arange(400, dtype=np.float64).reshape(4, 100)
a = moving_average(signals, 9)  # expect: -
columns = np.ones((50, 3), dtype=np.float32)
b = moving_average(columns, 10, axis=0)  # expect: -
print(a.shape, b.shape)
