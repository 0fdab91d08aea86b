# Pool size 3 on 26 pixels: 26 // 3 = 8 windows, the last 2 pixels are dropped.
import numpy as np
from numpy.lib.stride_tricks import as_strided

fmap = np.random.rand(26, 26)
s0, s1 = fmap.strides
p = 3
blocks = as_strided(fmap, (26 // p, 26 // p, p, p), (s0 * p, s1 * p, s0, s1))  # expect: -
