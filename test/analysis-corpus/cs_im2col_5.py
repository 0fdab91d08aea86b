# im2col with zero padding: pad H and W by `pad`, then size the windows from the padded array. "same" and "valid" callers.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def im2col_padded(x, k, stride=1, pad=0):
    padded = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    C, H, W = padded.shape
    out_h = (H - k) // stride + 1
    out_w = (W - k) // stride + 1
    sC, sH, sW = padded.strides
    return as_strided(padded, (C, out_h, out_w, k, k), (sC, stride * sH, stride * sW, sH, sW), writeable=False)  # expect: -


x = np.ones((2, 10, 10), dtype=np.float32)
same = im2col_padded(x, 3, pad=1)  # expect: -
valid = im2col_padded(x, 5)  # expect: -
down = im2col_padded(x, 3, stride=2, pad=1)  # expect: -
print(same.shape, valid.shape, down.shape, same.sum(axis=(0, 3, 4))[0, 0])
