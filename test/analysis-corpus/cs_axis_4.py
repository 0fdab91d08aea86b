# Windows along a validated axis. Bug: the in-window stride is x.strides[0] instead of x.strides[axis]; fine for axis 0 and 1-D input, wrong for the last axis of 2-D (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def windows_along(x, size, axis=0):
    if axis < 0:
        axis += x.ndim
    if not 0 <= axis < x.ndim:
        raise ValueError("axis out of range")
    n = x.shape[axis]
    shape = x.shape[:axis] + (n - size + 1,) + x.shape[axis + 1:] + (size,)
    strides = x.strides + (x.strides[0],)
    return as_strided(x, shape=shape, strides=strides, writeable=False)  # expect: -


rows = np.zeros((30, 4), dtype=np.float64)
r = windows_along(rows, 5)  # expect: -
line = np.arange(16, dtype=np.float64)
l1 = windows_along(line, 4, axis=-1)  # expect: -
print(r.shape, l1.shape, l1.sum())
cols = windows_along(np.zeros((4, 100)), 5, axis=-1)  # expect: SL001
