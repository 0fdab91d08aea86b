# Mistake: strides in elements written where bytes are needed.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros(64, dtype=np.float64)
v = as_strided(x, (8, 8), (8, 1), writeable=False)  # expect: SL005
