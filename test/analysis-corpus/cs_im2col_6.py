# Padded im2col. Bug: the output size counts the padding but the view is made on the unpadded input; pad=0 is fine, pad=2 reads past the end (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def im2col(x, k, pad=0):
    H, W = x.shape
    out_h = H + 2 * pad - k + 1
    out_w = W + 2 * pad - k + 1
    padded = np.pad(x, pad)
    s0, s1 = x.strides
    cols = as_strided(x, (out_h, out_w, k, k), (s0, s1, s0, s1), writeable=False)  # expect: -
    return cols, padded


img = np.zeros((16, 16), dtype=np.float32)
cols, _ = im2col(img, 3)  # expect: -
print(cols.shape)
cols_pad, _ = im2col(img, 5, pad=2)  # expect: SL001
