# "same" convolution: pad first, then take the windows.
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.random.rand(28, 28).astype(np.float32)
padded = np.pad(image, 1)
s = padded.strides
patches = as_strided(padded, shape=(28, 28, 3, 3), strides=s + s, writeable=False)  # expect: -
