# A stride of 2**62 bytes: NumPy makes the view (nothing checks it), and it reaches far past the 32-byte buffer.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros(4)
v = as_strided(x, shape=(2,), strides=(2**62,))  # expect: SL001
w = as_strided(x, shape=(2,), strides=(0x4000_0000_0000_0000,))  # expect: SL001
