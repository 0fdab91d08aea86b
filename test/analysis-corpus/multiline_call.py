import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.zeros((10, 10), dtype=np.float64)
s = image.strides
v = as_strided(image,  # expect: -
               shape=(8, 8, 3, 3),
               strides=(s[0], s[1], s[0], s[1]),
               writeable=False)
