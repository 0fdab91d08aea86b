import numpy as np
from numpy.lib.stride_tricks import as_strided

v = np.arange(1, 8, dtype=np.float64)
h = as_strided(v, (4, 4), (8, 8), writeable=False)  # expect: SL006
