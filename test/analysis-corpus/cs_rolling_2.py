# pandas-like rolling with closed="both" widening the window by one. Bug: the count still uses `window`, so closed="both" reads one element past the end.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling(a, window, closed="right"):
    w = window + 1 if closed == "both" else window
    n = a.shape[-1] - window + 1
    shape = a.shape[:-1] + (n, w)
    strides = a.strides + (a.strides[-1],)
    return as_strided(a, shape=shape, strides=strides, writeable=False)  # expect: -


prices = np.linspace(100.0, 120.0, 30)
right = rolling(prices, 5)  # expect: -
print(right.sum(axis=1)[:4])
both = rolling(prices, 5, closed="both")  # expect: SL001
