# Mistake: output size taken as the input size (should be 28 - 3 + 1).
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.zeros((28, 28), dtype=np.float32)
s = image.strides
patches = as_strided(image, shape=(28, 28, 3, 3), strides=(s[0], s[1], s[0], s[1]), writeable=False)  # expect: SL001
