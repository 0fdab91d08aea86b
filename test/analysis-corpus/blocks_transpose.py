# Tiles of a transposed (Fortran-ordered) view.
import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.arange(64, dtype=np.float32).reshape(8, 8).T
s0, s1 = a.strides
tiles = as_strided(a, (4, 4, 2, 2), (2 * s0, 2 * s1, s0, s1))  # expect: -
