# Strided convolution: windows of 3 every 2 pixels.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.arange(15 * 15, dtype=np.float32).reshape(15, 15)
s0, s1 = x.strides
out = (15 - 3) // 2 + 1
win = as_strided(x, (out, out, 3, 3), (2 * s0, 2 * s1, s0, s1), writeable=False)  # expect: -
