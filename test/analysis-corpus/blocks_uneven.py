import numpy as np
from numpy.lib.stride_tricks import as_strided

img = np.zeros((30, 45), dtype=np.uint8)
tiles = as_strided(img, (3, 5, 10, 9), (10 * img.strides[0], 9 * img.strides[1], img.strides[0], img.strides[1]))  # expect: -
