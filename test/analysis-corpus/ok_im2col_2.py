# Output size written as int(np.floor((H - k) / s)) + 1 and clipped with max(0, ...): unusual spellings of (H - k) // s + 1, exact for these sizes.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def patches(img, k, s):
    H, W = img.shape
    out_h = max(0, int(np.floor((H - k) / s)) + 1)
    out_w = max(0, int(np.floor((W - k) / s)) + 1)
    s0, s1 = img.strides
    return as_strided(img, (out_h, out_w, k, k), (s * s0, s * s1, s0, s1), writeable=False)  # expect: -


img = np.arange(25 * 19, dtype=np.float32).reshape(25, 19)
p1 = patches(img, 4, 3)  # expect: -
p2 = patches(img, 19, 1)  # expect: -
assert (p1[-1, -1] == img[21:25, 15:19]).all()
print(p1.shape, p2.shape)
