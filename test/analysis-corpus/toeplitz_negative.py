# Toeplitz matrix from a vector: walk backwards through the vector with a negative stride.
import numpy as np
from numpy.lib.stride_tricks import as_strided

c = np.array([1.0, 2.0, 3.0, 4.0])
r = np.array([1.0, 5.0, 6.0, 7.0])
vals = np.concatenate((c[::-1], r[1:]))
n = len(c)
t = as_strided(vals[n - 1:], shape=(n, n), strides=(-vals.strides[0], vals.strides[0]), writeable=False)  # expect: -
