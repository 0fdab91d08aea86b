# Window counts from np.array arithmetic, then changed in place through a second name: the view must not be built from the counts as they were before the write.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros((10, 10))
counts = np.array(x.shape) - 3 + 1
alias = counts
alias[0] = 2
v = as_strided(x, shape=tuple(counts) + (3, 3), strides=x.strides * 2, writeable=False)  # expect: ?
print(v.shape)
