# A Toeplitz view left writeable (no writeable=False) and never written: it is only used in a matrix-vector product.
import numpy as np
from numpy.lib.stride_tricks import as_strided

c = np.array([4.0, 1.0, 0.5, 0.25])
r = np.array([4.0, -1.0, -0.5])
vals = np.concatenate((r[-1:0:-1], c))
n = vals.strides[0]
T = as_strided(vals[len(r) - 1:], shape=(len(c), len(r)), strides=(n, -n))  # expect: -
v = np.array([1.0, 2.0, 3.0])
print(T @ v)
print(T.T @ np.ones(4))
