# Module-level Toeplitz. Bug: the view starts at vals[len(r):] instead of vals[len(r) - 1:], so the bottom-left entry is one element past the end.
import numpy as np
from numpy.lib.stride_tricks import as_strided

c = np.array([1.0, 2.0, 3.0, 4.0])
r = np.array([1.0, 5.0, 6.0, 7.0])
vals = np.concatenate((r[-1:0:-1], c))
n = vals.strides[0]
T = as_strided(vals[len(r):], shape=(len(c), len(r)), strides=(n, -n), writeable=False)  # expect: SL001
print(T.shape)
