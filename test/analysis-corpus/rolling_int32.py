import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.arange(20, dtype=np.int32)
win = as_strided(a, (17, 4), (4, 4), writeable=False)  # expect: SL006
