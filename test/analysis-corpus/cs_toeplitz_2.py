# scipy-style hankel(c, r=None): vals = concatenate((c, r[1:])) read with equal positive strides (n, n). Two callers.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def hankel(c, r=None):
    c = np.asarray(c).ravel()
    if r is None:
        r = np.zeros_like(c)
    else:
        r = np.asarray(r).ravel()
    vals = np.concatenate((c, r[1:]))
    out_shp = len(c), len(r)
    n = vals.strides[0]
    return as_strided(vals, shape=out_shp, strides=(n, n)).copy()  # expect: -


h1 = hankel([1, 17, 99])  # expect: -
h2 = hankel(np.arange(1.0, 4.0), np.array([3.0, 4.0, 5.0, 6.0, 7.0]))  # expect: -
print(h1, h2, sep="\n")
