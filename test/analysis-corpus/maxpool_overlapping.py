# 3x3 pooling with stride 2 (AlexNet style): windows overlap.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.random.rand(13, 13).astype(np.float32)
s0, s1 = x.strides
n = (13 - 3) // 2 + 1
v = as_strided(x, (n, n, 3, 3), (2 * s0, 2 * s1, s0, s1), writeable=False)  # expect: -
