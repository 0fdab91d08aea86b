import numpy as np
from numpy.lib.stride_tricks import as_strided

def max_pool(x, size=2):
    s0, s1 = x.strides
    h, w = x.shape
    # size is a parameter: its default 2 is one value a caller may pass, not the value
    v = as_strided(x, (h // size, w // size, size, size), (s0 * size, s1 * size, s0, s1))  # expect: ?
    return v.max(axis=(2, 3))

max_pool(np.random.rand(8, 8))  # expect: -
