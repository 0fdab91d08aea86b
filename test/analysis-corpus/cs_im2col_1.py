# im2col for strided and dilated convolution on (C, H, W): out = (H - dil*(k-1) - 1)//stride + 1; a plain and a stride-2/dilation-2 caller.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def im2col(x, kh, kw, stride=1, dilation=1):
    C, H, W = x.shape
    out_h = (H - dilation * (kh - 1) - 1) // stride + 1
    out_w = (W - dilation * (kw - 1) - 1) // stride + 1
    sC, sH, sW = x.strides
    shape = (C, out_h, out_w, kh, kw)
    strides = (sC, stride * sH, stride * sW, dilation * sH, dilation * sW)
    return as_strided(x, shape=shape, strides=strides, writeable=False)  # expect: -


rgb = np.arange(3 * 32 * 32, dtype=np.float32).reshape(3, 32, 32)
cols = im2col(rgb, 3, 3)  # expect: -
weights = np.ones((8, 3, 3, 3), dtype=np.float32)
out = np.einsum("chwij,ocij->ohw", cols, weights)
digit = np.zeros((1, 28, 28), dtype=np.float64)
dil = im2col(digit, 3, 3, stride=2, dilation=2)  # expect: -
print(out.shape, dil.shape)
