# A variable named axis, validated and normalized before use; axis=-2 on a 3-D array windows the middle axis and stays inside the buffer.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def window_axis(x, size, axis=-1):
    if not isinstance(axis, int):
        raise TypeError("axis must be an int")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for a {x.ndim}-d array")
    axis %= x.ndim
    shape = list(x.shape)
    shape[axis] = x.shape[axis] - size + 1
    return as_strided(x, tuple(shape) + (size,), x.strides + (x.strides[axis],), writeable=False)  # expect: -


cube = np.arange(2 * 9 * 4, dtype=np.float64).reshape(2, 9, 4)
mid = window_axis(cube, 3, axis=-2)  # expect: -
last = window_axis(cube, 4)  # expect: -
print(mid.shape, last.shape, mid.sum(), last.max())
