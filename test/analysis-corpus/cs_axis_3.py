# Filter along a validated axis: move it last with np.moveaxis, then window the moved (non-contiguous) view by its own strides.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def windowed_along(x, size, axis):
    ndim = x.ndim
    if axis < -ndim or axis >= ndim:
        raise ValueError(f"axis {axis} out of range for {ndim}-d input")
    if axis < 0:
        axis += ndim
    xm = np.moveaxis(x, axis, -1)
    shape = xm.shape[:-1] + (xm.shape[-1] - size + 1, size)
    strides = xm.strides + (xm.strides[-1],)
    return as_strided(xm, shape=shape, strides=strides, writeable=False)  # expect: -


a = np.arange(100, dtype=np.float64).reshape(20, 5)
w0 = windowed_along(a, 4, 0)  # expect: -
b = np.zeros((3, 40, 2), dtype=np.float32)
w1 = windowed_along(b, 8, axis=-2)  # expect: -
print(w0.shape, w1.shape, w0[0, 0])
