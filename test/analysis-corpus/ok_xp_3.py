# Window size clipped with min(...) and a flattened length from math.prod; the clipped window always fits the flattened array.
import math

import numpy as np


def array_namespace(*arrays):
    return np


def flat_windows(x, w):
    xp = array_namespace(x)
    flat = xp.reshape(x, (math.prod(x.shape),))
    w = min(w, flat.shape[0])
    return xp.lib.stride_tricks.sliding_window_view(flat, w)  # expect: -


print(flat_windows(np.arange(12.0).reshape(3, 4), 5).shape)  # expect: -
print(flat_windows(np.arange(6).reshape(2, 3), 50).shape)  # expect: -
