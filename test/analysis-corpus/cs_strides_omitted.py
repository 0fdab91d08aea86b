# Helpers that call as_strided with a new shape and no strides: at the definition the strides depend on whether x is C-contiguous (unknown), at each call site NumPy's rule resolves them; a buffer of symbolic length is contiguous.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def as_matrix(x, rows, cols):
    return as_strided(x, shape=(rows, cols), writeable=False)  # expect: -


def bytes_as(n):
    buf = np.zeros(n)
    return np.ndarray((2, 2), buffer=buf)  # expect: -


m = as_matrix(np.arange(12.0), 3, 4)  # expect: -
t = as_matrix(np.zeros((4, 4))[:, ::2], 4, 2)  # expect: -
g = as_matrix(np.zeros((4, 4)), 2, 8)  # expect: -
b = bytes_as(8)  # expect: -
print(m.strides, t.strides, g.strides, b.strides)
