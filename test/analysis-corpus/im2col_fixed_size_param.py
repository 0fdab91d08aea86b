import numpy as np
from numpy.lib.stride_tricks import as_strided

def patches_3x3(image):
    s = image.strides
    return as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]), writeable=False)  # expect: -

p = patches_3x3(np.zeros((28, 28)))  # expect: -
