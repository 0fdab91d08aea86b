# Module-level rolling window. Bug: off-by-one window count len(x) - w + 2, the last window reads one element past the end.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.arange(30, dtype=np.float64)
w = 6
n = len(x) - w + 2
step = x.strides[0]
windows = as_strided(x, shape=(n, w), strides=(step, step), writeable=False)  # expect: SL001
print(windows.shape)
