# An image flattened with math.prod(shape) and rolled: the 1-D windows cross row ends on purpose and stay inside the flat buffer.
import math

import numpy as np
from numpy.lib.stride_tricks import as_strided


def flat_rolling(a, window):
    flat = a.reshape(math.prod(a.shape))
    n = flat.shape[0] - window + 1
    return as_strided(flat, (n, window), (flat.strides[0], flat.strides[0]), writeable=False)  # expect: -


grid = np.arange(6 * 7, dtype=np.float64).reshape(6, 7)
runs = flat_rolling(grid, 9)  # expect: -
print(runs.shape, runs[-1])
