# Module-level 2x2 max pooling with stride 2 on a 26x26 feature map: 13x13 non-overlapping windows.
import numpy as np
from numpy.lib.stride_tricks import as_strided

fmap = np.arange(26 * 26, dtype=np.float32).reshape(26, 26)
k = stride = 2
out_h = (fmap.shape[0] - k) // stride + 1
out_w = (fmap.shape[1] - k) // stride + 1
s0, s1 = fmap.strides
windows = as_strided(fmap, (out_h, out_w, k, k), (stride * s0, stride * s1, s0, s1), writeable=False)  # expect: -
pooled = windows.max(axis=(2, 3))
print(pooled.shape, pooled[0, :3])
