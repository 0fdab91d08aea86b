# Mistake: negative stride from the first element reads before the buffer.
import numpy as np
from numpy.lib.stride_tricks import as_strided

v = np.arange(6, dtype=np.float64)
t = as_strided(v, (3, 3), (-8, 8), writeable=False)  # expect: SL001
