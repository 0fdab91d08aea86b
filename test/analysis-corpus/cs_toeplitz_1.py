# scipy-style toeplitz(c, r=None): vals = concatenate((r[-1:0:-1], c)), then a negative column stride over vals[len(r)-1:]. Three callers.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def toeplitz(c, r=None):
    c = np.asarray(c).ravel()
    if r is None:
        r = c.conjugate()
    else:
        r = np.asarray(r).ravel()
    vals = np.concatenate((r[-1:0:-1], c))
    out_shp = len(c), len(r)
    n = vals.strides[0]
    return as_strided(vals[len(r) - 1:], shape=out_shp, strides=(n, -n)).copy()  # expect: -


t1 = toeplitz([1.0, 2.0, 3.0])  # expect: -
t2 = toeplitz(np.arange(1, 5), np.array([1, 9, 8, 7, 6, 5]))  # expect: -
t3 = toeplitz(np.array([1 + 2j, 3, 4, 5, 6]), [1 + 2j, 0])  # expect: -
print(t1, t2.shape, t3.shape, sep="\n")
