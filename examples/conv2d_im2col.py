"""Conv2d by im2col: every 3x3 patch of a 28x28 image as a zero-copy view."""
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.random.default_rng(0).random((28, 28), dtype=np.float32)
kernel = np.ones((3, 3), dtype=np.float32) / 9

s = image.strides  # (112, 4): one row, one column
out_h = image.shape[0] - kernel.shape[0] + 1  # 26
out_w = image.shape[1] - kernel.shape[1] + 1  # 26

# (26, 26, 3, 3): patch row, patch column, row in patch, column in patch
patches = as_strided(image, shape=(out_h, out_w, 3, 3), strides=(s[0], s[1], s[0], s[1]), writeable=False)

# The convolution is one contraction over the last two axes.
conv = np.einsum("ijkl,kl->ij", patches, kernel)
print(conv.shape)
