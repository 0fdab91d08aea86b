"""Arrays read from disk: Stride Lens reads the header of each .npy named in np.load(...).

Run it from this folder (the paths are relative): python load_npy.py
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

image = np.load("data/image_28x28_f4.npy")  # float32 (28, 28), C order
s = image.strides
# 2x2 max-pool windows with step 2: (14, 14, 2, 2)
pools = as_strided(image, shape=(14, 14, 2, 2), strides=(2 * s[0], 2 * s[1], s[0], s[1]), writeable=False)
pooled = pools.max(axis=(2, 3))

features = np.load("data/features_4d_i2_fortran.npy")  # int16 (3, 4, 5, 6), Fortran order
# 3x3 windows over the last two axes of a Fortran-ordered array
windows = sliding_window_view(features, (3, 3), axis=(2, 3))
print(pooled.shape, windows.shape)
