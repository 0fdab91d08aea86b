# A stride-0 view of one value, then a write through it: every element is the same byte.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.array([3.0])
filled = as_strided(x, (4, 4), (0, 0))  # expect: SL003
filled[1:, 0] = 2.0
