# Mistake: pool windows counted as n // 2 + 1.
import numpy as np
from numpy.lib.stride_tricks import as_strided

fmap = np.zeros((26, 26), dtype=np.float32)
s0, s1 = fmap.strides
blocks = as_strided(fmap, (14, 14, 2, 2), (2 * s0, 2 * s1, s0, s1))  # expect: SL001
