# im2col_any would fail for a kernel bigger than the image, but it is defined and never called (only the fixed 5x5 module-level view runs).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def im2col_any(img, k, stride=1):
    H, W = img.shape
    out_h = (H - k) // stride + 1
    out_w = (W - k) // stride + 1
    s0, s1 = img.strides
    return as_strided(img, (out_h, out_w, k, k), (stride * s0, stride * s1, s0, s1), writeable=False)  # expect: -


img = np.ones((9, 9), dtype=np.float64)
s0, s1 = img.strides
fixed = as_strided(img, (5, 5, 5, 5), (s0, s1, s0, s1), writeable=False)  # expect: -
print(fixed.sum(axis=(2, 3)))
