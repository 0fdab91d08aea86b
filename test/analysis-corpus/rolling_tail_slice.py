import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.arange(30, dtype=np.float32)
tail = x[10:]
win = as_strided(tail, (18, 3), tail.strides * 2, writeable=False)  # expect: -
