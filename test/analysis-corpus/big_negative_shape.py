# The most negative int64 as a dimension: refused like any negative dimension.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros(4)
v = as_strided(x, shape=(-2**63,), strides=(8,))  # expect: SL006 SL008
