import numpy as np
from numpy.lib.stride_tricks import as_strided

col = np.ones((5, 1), dtype=np.int32)
wide = as_strided(col, (5, 7), (col.strides[0], 0), writeable=False)  # expect: -
