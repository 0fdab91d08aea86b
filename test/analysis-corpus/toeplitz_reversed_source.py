# Mistake: the rows run off the reversed vector (16 bytes past the end).
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.arange(10, dtype=np.float32)
rev = x[::-1]
t = as_strided(rev, (5, 5), (rev.strides[0], -rev.strides[0]), writeable=False)  # expect: SL001
