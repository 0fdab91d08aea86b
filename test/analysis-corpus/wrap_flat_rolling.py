# Mistake: rolling windows over a flattened 2-D array cross row boundaries.
import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.zeros((10, 10), dtype=np.float64)
rows = as_strided(a, (9, 9, 3), (80, 8, 8), writeable=False)  # expect: SL002
