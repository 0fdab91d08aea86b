import numpy as np
from numpy.lib.stride_tricks import as_strided

fm = np.zeros((16, 12, 12), dtype=np.float32)
sc, sh, sw = fm.strides
blocks = as_strided(fm, (16, 6, 6, 2, 2), (sc, sh * 2, sw * 2, sh, sw))  # expect: -
