import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.arange(12, dtype=np.int64).reshape(3, 4)
same = as_strided(a.T)  # expect: -
