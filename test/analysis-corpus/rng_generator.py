import numpy as np
from numpy.lib.stride_tricks import as_strided

rng = np.random.default_rng(0)
x = rng.standard_normal((12, 12), dtype=np.float32)
s0, s1 = x.strides
v = as_strided(x, (10, 10, 3, 3), (s0, s1, s0, s1), writeable=False)  # expect: -
