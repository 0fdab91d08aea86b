# Strided conv windows. Bug: the output size H // stride is the pooling formula; fine while k <= stride, a 3x3 kernel with stride 2 runs off the map (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def strided_windows(fmap, k, stride):
    H, W = fmap.shape
    out_h, out_w = H // stride, W // stride
    s0, s1 = fmap.strides
    return as_strided(fmap, (out_h, out_w, k, k), (stride * s0, stride * s1, s0, s1), writeable=False)  # expect: -


fmap = np.arange(32 * 32, dtype=np.float64).reshape(32, 32)
pool = strided_windows(fmap, 2, 2)  # expect: -
print(pool.max(axis=(2, 3)).shape)
sub = strided_windows(fmap, 1, 4)  # expect: -
conv = strided_windows(fmap, 3, 2)  # expect: SL001
