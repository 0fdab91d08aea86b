# Full-mode convolution matrix from a kernel: zero-pad both sides, then a Toeplitz view (n + m - 1, n) with a negative column stride.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def convolution_matrix(a, n):
    a = np.asarray(a)
    m = len(a)
    z = np.zeros(n - 1, dtype=a.dtype)
    vals = np.concatenate((z, a, z))
    s = vals.strides[0]
    return as_strided(vals[n - 1:], shape=(n + m - 1, n), strides=(s, -s), writeable=False)  # expect: -


A = convolution_matrix([1.0, -2.0, 1.0], 5)  # expect: -
x = np.arange(5.0)
assert np.allclose(A @ x, np.convolve([1.0, -2.0, 1.0], x))
B = convolution_matrix(np.ones(4, dtype=np.int64), 2)  # expect: -
print(A.shape, B.shape)
