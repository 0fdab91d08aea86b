# Split a matrix into 4x4 tiles: (rows of tiles, cols of tiles, 4, 4).
import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.arange(16 * 16, dtype=np.float64).reshape(16, 16)
b = 4
s0, s1 = a.strides
tiles = as_strided(a, (16 // b, 16 // b, b, b), (b * s0, b * s1, s0, s1))  # expect: -
