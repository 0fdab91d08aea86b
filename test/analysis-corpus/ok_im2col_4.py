# A large view that fits: a (3, 512, 512) float32 image (3 MB) as 7x7 patches, a (3, 506, 506, 7, 7) view; only a sparse grid of patches is read.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.ones((3, 512, 512), dtype=np.float32)
k = 7
C, H, W = x.shape
sC, sH, sW = x.strides
cols = as_strided(x, (C, H - k + 1, W - k + 1, k, k), (sC, sH, sW, sH, sW), writeable=False)  # expect: -
sparse = cols[:, ::64, ::64].sum(axis=(-2, -1))
assert (sparse == k * k).all()
corner = cols[-1, -1, -1]
print(cols.shape, sparse.shape, corner.sum())
