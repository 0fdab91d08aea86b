import numpy as np
from numpy.lib.stride_tricks import as_strided

batch = np.zeros((4, 10, 10), dtype=np.float64)
n, h, w = batch.shape
sn, sh, sw = batch.strides
patches = as_strided(batch, (n, h - 3 + 1, w - 3 + 1, 3, 3), (sn, sh, sw, sh, sw), writeable=False)  # expect: -
