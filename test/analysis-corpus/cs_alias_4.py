# `as_strided as strided`: pooling blocks with a rounded-up count. Bug: a 15x15 map with 2x2 pools asks for 8 blocks per side and the last ones leave the map (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided as strided


def pool_blocks(fmap, p):
    H, W = fmap.shape
    nh, nw = (H + p - 1) // p, (W + p - 1) // p
    s0, s1 = fmap.strides
    return strided(fmap, (nh, nw, p, p), (p * s0, p * s1, s0, s1), writeable=False)  # expect: -


even = pool_blocks(np.ones((16, 16)), 2)  # expect: -
print(even.max(axis=(2, 3)).shape)
odd = pool_blocks(np.ones((15, 15)), 2)  # expect: SL001
