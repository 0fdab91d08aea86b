# The classic N-d rolling_window(a, window) recipe, called on a 1-D series, rows of a 2-D array and a 3-D stack.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling_window(a, window):
    if window < 1:
        raise ValueError("`window` must be at least 1.")
    if window > a.shape[-1]:
        raise ValueError("`window` is too long.")
    shape = a.shape[:-1] + (a.shape[-1] - window + 1, window)
    strides = a.strides + (a.strides[-1],)
    return as_strided(a, shape=shape, strides=strides, writeable=False)  # expect: -


series = np.arange(50, dtype=np.float64)
ma = rolling_window(series, 7).mean(axis=-1)  # expect: -
rows = np.arange(40, dtype=np.int32).reshape(4, 10)
r = rolling_window(rows, 3)  # expect: -
stack = np.zeros((2, 3, 16), dtype=np.float32)
s = rolling_window(stack, 16)  # expect: -
print(ma[:3], r.shape, s.shape)
