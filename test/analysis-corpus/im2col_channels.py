# Patches over height and width of a (C, H, W) feature map.
import numpy as np
from numpy.lib.stride_tricks import as_strided

fmap = np.random.randn(8, 16, 16).astype(np.float32)
C, H, W = fmap.shape
sc, sh, sw = fmap.strides
cols = as_strided(fmap, shape=(C, H - 2, W - 2, 3, 3), strides=(sc, sh, sw, sh, sw), writeable=False)  # expect: -
