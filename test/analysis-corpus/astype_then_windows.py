import numpy as np
from numpy.lib.stride_tricks import as_strided

raw = np.arange(40, dtype=np.int64)
f = raw.astype(np.float32)
win = as_strided(f, (37, 4), (f.itemsize, f.itemsize), writeable=False)  # expect: -
