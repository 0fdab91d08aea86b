# Writeable windows along a validated axis (defaults to -1), called with negative axes on 2-D and 3-D input; the views are only reduced, never written.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def windows(x, size=3, axis=-1):
    if axis < 0:
        axis += x.ndim
    if axis < 0 or axis >= x.ndim:
        raise ValueError("bad axis")
    n = x.shape[axis]
    shape = x.shape[:axis] + (n - size + 1,) + x.shape[axis + 1:] + (size,)
    return as_strided(x, shape, x.strides + (x.strides[axis],))  # expect: -


m = np.arange(30, dtype=np.float64).reshape(5, 6)
print(windows(m).mean(axis=-1)[0])  # expect: -
print(windows(m, 5, axis=-2).min(axis=-1)[0])  # expect: -
t = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
print(windows(t, 2, axis=-3).sum())  # expect: -
