# Mistake: one window column too many; the last windows wrap into the next row
# but (except for the very last rows) stay inside the buffer.
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.zeros((28, 28), dtype=np.float32)
s = image.strides
patches = as_strided(image, shape=(25, 27, 3, 3), strides=(s[0], s[1], s[0], s[1]), writeable=False)  # expect: SL002
