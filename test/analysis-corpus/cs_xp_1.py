# Array-API style: xp = array_namespace(x), then xp.lib.stride_tricks.sliding_window_view along an axis; two callers.
import numpy as np


def array_namespace(*arrays):
    """Stand-in for array_api_compat.array_namespace: every array here is a NumPy array."""
    return np


def sliding_mean(x, w, axis=-1):
    xp = array_namespace(x)
    win = xp.lib.stride_tricks.sliding_window_view(x, w, axis=axis)  # expect: -
    return xp.mean(win, axis=-1)


a = sliding_mean(np.arange(20, dtype=np.float64), 4)  # expect: -
b = sliding_mean(np.ones((6, 5), dtype=np.float32), 3, axis=0)  # expect: -
print(a[:3], b.shape)
