import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.arange(12, dtype=np.float32).reshape(3, 4)
at = as_strided(a, shape=(4, 3), strides=(4, 16))  # expect: SL006
