# A shape list changed through a second name (other = shape; other[0] = 91) before the view is made: lists alias, so the view's shape is not the list as first written.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros(100)
shape = [10, 10]
other = shape
other[0] = 91
v = as_strided(x, shape=shape, strides=(8, 8), writeable=False)  # expect: SL006 ?
print(v.shape)
