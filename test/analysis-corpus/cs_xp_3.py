# Namespace-generic last-axis windows: xp.asarray, a validated window, xp.lib.stride_tricks.as_strided; 1-D, 2-D and int callers.
import numpy as np


def array_namespace(*arrays):
    return np


def last_axis_windows(x, window):
    xp = array_namespace(x)
    x = xp.asarray(x)
    if not 0 < window <= x.shape[-1]:
        raise ValueError("window must be in [1, x.shape[-1]]")
    shape = x.shape[:-1] + (x.shape[-1] - window + 1, window)
    strides = x.strides + (x.strides[-1],)
    return xp.lib.stride_tricks.as_strided(x, shape=shape, strides=strides, writeable=False)  # expect: -


w1 = last_axis_windows(np.arange(10.0), 3)  # expect: -
w2 = last_axis_windows(np.zeros((5, 64), dtype=np.complex64), 64)  # expect: -
w3 = last_axis_windows(np.array([3, 1, 4, 1, 5, 9, 2, 6]), 2)  # expect: -
print(w1.shape, w2.shape, w3.max(axis=1))
