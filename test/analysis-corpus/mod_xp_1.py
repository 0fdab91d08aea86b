# Module-level array-API code: xp = array_namespace(img), 2-D windows with xp.lib.stride_tricks.sliding_window_view.
import numpy as np


def array_namespace(*arrays):
    return np


img = np.arange(8 * 8, dtype=np.float64).reshape(8, 8)
xp = array_namespace(img)
win = xp.lib.stride_tricks.sliding_window_view(img, (3, 3))  # expect: -
local_range = xp.max(win, axis=(2, 3)) - xp.min(win, axis=(2, 3))
print(win.shape, local_range[0, 0])
