# im2col view left writeable (default as_strided) with heavily overlapping patches; it only feeds np.tensordot, nothing is written through it.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def im2col(img, k):
    H, W = img.shape
    s0, s1 = img.strides
    return as_strided(img, (H - k + 1, W - k + 1, k, k), (s0, s1, s0, s1))  # expect: -


img = np.arange(12 * 12, dtype=np.float64).reshape(12, 12)
sobel = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
edges = np.tensordot(im2col(img, 3), sobel, axes=((2, 3), (0, 1)))  # expect: -
blur = im2col(img, 5).mean(axis=(2, 3))  # expect: -
print(edges.shape, blur.shape, edges[0, 0])
