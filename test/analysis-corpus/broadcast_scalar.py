import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.array([3.0])
filled = as_strided(x, (4, 4), (0, 0))  # expect: SL003
