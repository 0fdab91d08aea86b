# Two dimensions of 2**32 elements of 8 bytes: more bytes than an array may have.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros(4)
v = as_strided(x, shape=(2**32, 2**32), strides=(0, 0))  # expect: SL008
