# Lower-triangular Toeplitz from zero padding: the negative column stride from vals[n-1:] goes back exactly to the first padded zero.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def lower_toeplitz(c):
    n = len(c)
    vals = np.concatenate((np.zeros(n - 1, dtype=c.dtype), c))
    s = vals.strides[0]
    return as_strided(vals[n - 1:], shape=(n, n), strides=(s, -s), writeable=False)  # expect: -


L = lower_toeplitz(np.array([1.0, 0.5, 0.25, 0.125]))  # expect: -
assert np.allclose(L, np.tril(L))
one = lower_toeplitz(np.array([7], dtype=np.int16))  # expect: -
print(L, one, sep="\n")
