# A helper that works for any image: the view is symbolic in image.strides.
import numpy as np
from numpy.lib.stride_tricks import as_strided

def im2col(image, k):
    h, w = image.shape
    s0, s1 = image.strides
    return as_strided(image, (h - k + 1, w - k + 1, k, k), (s0, s1, s0, s1), writeable=False)  # expect: -

cols = im2col(np.zeros((28, 28), dtype=np.float32), 3)  # expect: -
