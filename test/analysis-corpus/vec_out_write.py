# Window counts clipped in place with np.minimum(..., out=counts): the items the code computed first no longer hold when the view is made.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros((12, 12), dtype=np.float32)
counts = np.array(x.shape) - 2
np.minimum(counts, 4, out=counts)
v = as_strided(x, shape=tuple(counts) + (3, 3), strides=x.strides + x.strides, writeable=False)  # expect: ?
print(v.shape)
