import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.arange(10, dtype=np.float64)
w = as_strided(a, (8, 3), (8, 8))  # expect: SL003 SL006
w[0, 1] += 1.0  # a write through the view: a[1] changes, and so does every window holding it
