import numpy as np
from numpy.lib.stride_tricks import as_strided

base = np.arange(6, dtype=np.float64)
b = np.broadcast_to(base, (4, 6))  # expect: -
v = as_strided(b, (4, 3, 2), (0, 16, 8), writeable=False)  # expect: SL006
