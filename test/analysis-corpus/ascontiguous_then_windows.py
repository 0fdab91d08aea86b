import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.arange(48, dtype=np.float64).reshape(6, 8)
c = np.ascontiguousarray(a.T)
s0, s1 = c.strides
v = as_strided(c, (7, 5, 2, 2), (s0, s1, s0, s1), writeable=False)  # expect: -
