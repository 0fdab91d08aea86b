# toeplitz(c, r). Bug: the start offset uses len(c) where scipy uses len(r); square inputs work, a 3x5 call starts the view before the buffer (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def toeplitz(c, r):
    c = np.asarray(c, dtype=np.float64)
    r = np.asarray(r, dtype=np.float64)
    vals = np.concatenate((r[-1:0:-1], c))
    n = vals.strides[0]
    return as_strided(vals[len(c) - 1:], shape=(len(c), len(r)), strides=(n, -n), writeable=False)  # expect: -


sq = toeplitz([1, 2, 3, 4], [1, 5, 6, 7])  # expect: -
print(sq)
wide = toeplitz([1, 2, 3], [1, 4, 5, 6, 7])  # expect: SL001
