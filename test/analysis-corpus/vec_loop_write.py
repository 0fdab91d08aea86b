# Window counts shrunk item by item in a loop before the view is made: the array is written in place, so the view's shape is not the first counts.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros((8, 8), dtype=np.int16)
counts = np.array(x.shape) - 2 + 1
for axis in range(2):
    counts[axis] = counts[axis] // 2
v = as_strided(x, shape=tuple(counts) + (2, 2), strides=tuple(2 * s for s in x.strides) + x.strides, writeable=False)  # expect: ?
print(v.shape)
