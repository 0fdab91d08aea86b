# Rolling max along an axis with only `if axis < 0: axis += x.ndim`. Bug: nothing checks the upper end, axis=2 on a 2-D image reaches sliding_window_view and raises.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def rolling_max(x, size, axis=-1):
    if axis < 0:
        axis += x.ndim
    win = sliding_window_view(x, size, axis=axis)  # expect: -
    return win.max(axis=-1)


img = np.arange(36, dtype=np.int32).reshape(6, 6)
down = rolling_max(img, 3, axis=0)  # expect: -
across = rolling_max(img, 3)  # expect: -
print(down.shape, across.shape)
bad = rolling_max(img, 3, axis=2)  # expect: SL008
