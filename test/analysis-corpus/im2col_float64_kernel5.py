import numpy as np
from numpy.lib.stride_tricks import as_strided

img = np.ones((32, 32))
k = 5
H, W = img.shape
win = as_strided(img, (H - k + 1, W - k + 1, k, k), img.strides * 2, writeable=False)  # expect: -
cols = win.reshape(-1, k * k)
