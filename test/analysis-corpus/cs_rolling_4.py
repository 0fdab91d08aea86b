# Rolling windows of the last axis. Bug: the window count uses len(a) (rows) instead of a.shape[-1]; fine for 1-D, past the end for a tall 2-D array (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling_last(a, window):
    n = len(a) - window + 1
    shape = a.shape[:-1] + (n, window)
    strides = a.strides + (a.strides[-1],)
    return as_strided(a, shape=shape, strides=strides, writeable=False)  # expect: -


x = np.arange(20, dtype=np.float64)
w = rolling_last(x, 4)  # expect: -
print(w.mean(axis=1))
table = np.zeros((100, 10), dtype=np.float64)
bad = rolling_last(table, 5)  # expect: SL001
