"""A classic mistake: a window count that ignores the kernel size.

The image is 28x28, so a 3x3 kernel fits 26x26 times. Asking for 100x100 windows makes
as_strided read far past the end of the image's 3136 bytes: garbage values or a crash.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.zeros((28, 28), dtype=np.float32)
s = image.strides

patches = as_strided(image, shape=(100, 100, 3, 3), strides=(s[0], s[1], s[0], s[1]))
