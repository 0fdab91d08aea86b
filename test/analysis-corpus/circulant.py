# Circulant matrix: double the vector, then step back one element per row.
import numpy as np
from numpy.lib.stride_tricks import as_strided

c = np.array([1, 2, 3, 4, 5], dtype=np.int64)
n = c.shape[0]
cc = np.concatenate((c[::-1], c[:0:-1]))
m = as_strided(cc[n - 1:], (n, n), (-cc.strides[0], cc.strides[0]), writeable=False)  # expect: -
