import numpy as np
from numpy.lib.stride_tricks import as_strided

m = np.arange(25, dtype=np.float64).reshape(5, 5)
diag = as_strided(m, shape=(5,), strides=(m.strides[0] + m.strides[1],))  # expect: -
