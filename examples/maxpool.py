"""2x2 max-pool with stride 2 over 32 feature maps of 26x26, as a strided view."""
import numpy as np
from numpy.lib.stride_tricks import as_strided

features = np.random.default_rng(1).random((32, 26, 26), dtype=np.float32)
c, h, w = features.strides  # (2704, 104, 4)

# (32, 13, 13, 2, 2): channel, window row, window column, row in window, column in window.
# Windows step 2 pixels, so the window strides are twice the pixel strides.
windows = as_strided(
    features,
    shape=(32, 13, 13, 2, 2),
    strides=(c, 2 * h, 2 * w, h, w),
    writeable=False,
)
pooled = windows.max(axis=(3, 4))
print(pooled.shape)
