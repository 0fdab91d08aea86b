# Dilated im2col. Bug: the output size (H - k) // stride + 1 ignores the dilation; dilation=1 is fine, dilation=3 reads past the image (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def im2col_dilated(img, k, stride=1, dilation=1):
    H, W = img.shape
    out_h = (H - k) // stride + 1
    out_w = (W - k) // stride + 1
    s0, s1 = img.strides
    return as_strided(img, (out_h, out_w, k, k), (stride * s0, stride * s1, dilation * s0, dilation * s1), writeable=False)  # expect: -


img = np.zeros((32, 32), dtype=np.float32)
plain = im2col_dilated(img, 3)  # expect: -
strided = im2col_dilated(img, 3, stride=2)  # expect: -
print(plain.shape, strided.shape, plain.sum())
atrous = im2col_dilated(img, 3, dilation=3)  # expect: SL001
