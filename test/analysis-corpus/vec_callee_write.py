# A helper halves the window counts in place (counts //= 2 inside the function): the caller's array changes, so its earlier items must be forgotten.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def halve(c):
    c //= 2


x = np.zeros((9, 9), dtype=np.float64)
counts = np.array(x.shape) - 3 + 1
halve(counts)
v = as_strided(x, shape=tuple(counts) + (3, 3), strides=(2 * x.strides[0], 2 * x.strides[1]) + x.strides, writeable=False)  # expect: ?
print(v.shape)
