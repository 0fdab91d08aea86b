# `sliding_window_view as swv`: one helper, three callers with different window shapes and axes.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view as swv


def local_windows(x, shape, axis=None):
    return swv(x, shape, axis=axis)  # expect: -


v = np.arange(12, dtype=np.float64)
w1 = local_windows(v, 4)  # expect: -
m = v.reshape(3, 4)
w2 = local_windows(m, (2, 2))  # expect: -
w3 = local_windows(m, 3, axis=1)  # expect: -
print(w1.shape, w2.shape, w3.shape, w3.sum(axis=-1))
