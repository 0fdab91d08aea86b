# A large view that fits: one million float32 samples, window 1000 gives a (999001, 1000) view over a 4 MB buffer; only a few windows are read.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.arange(1_000_000, dtype=np.float32)
window = 1000
s = x.strides[0]
win = as_strided(x, shape=(x.shape[0] - window + 1, window), strides=(s, s), writeable=False)  # expect: -
sample = win[::100_000].mean(axis=1)
print(win.shape, sample[:3])
last = win[-1]
assert last[-1] == x[-1]
