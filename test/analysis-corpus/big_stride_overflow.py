# 2**63 does not fit a C long: NumPy raises OverflowError before any view exists.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros(4)
v = as_strided(x, shape=(2,), strides=(2**63,))  # expect: SL008
