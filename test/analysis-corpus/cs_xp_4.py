# Array-API local minimum filter via xp.lib.stride_tricks.sliding_window_view with an N-d window. Bug: a 5x5 window on a 4-row image raises (last call).
import numpy as np


def array_namespace(*arrays):
    return np


def min_filter(x, size):
    xp = array_namespace(x)
    window_shape = (size,) * x.ndim
    win = xp.lib.stride_tricks.sliding_window_view(x, window_shape)  # expect: -
    return xp.min(win, axis=tuple(range(x.ndim, 2 * x.ndim)))


img = np.arange(36, dtype=np.float32).reshape(6, 6)
m3 = min_filter(img, 3)  # expect: -
m1 = min_filter(np.arange(10.0), 5)  # expect: -
print(m3, m1)
banner = np.zeros((4, 100), dtype=np.float32)
m5 = min_filter(banner, 5)  # expect: SL008
