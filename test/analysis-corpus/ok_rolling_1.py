# rolling_window without writeable=False: the overlapping windows are only read (mean, einsum with a kernel), never written to.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling_window(a, window):
    shape = a.shape[:-1] + (a.shape[-1] - window + 1, window)
    strides = a.strides + (a.strides[-1],)
    return as_strided(a, shape=shape, strides=strides)  # expect: -


x = np.arange(12, dtype=np.float64)
win = rolling_window(x, 4)  # expect: -
kernel = np.array([0.1, 0.2, 0.3, 0.4])
smoothed = np.einsum("ij,j->i", win, kernel)
avg = win.mean(axis=-1)
print(smoothed, avg)
