# view_as_windows returns a writeable view of overlapping windows; here it is only read (local mean and local max), never written to.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_windows(arr_in, window_shape):
    arr_shape = np.array(arr_in.shape)
    window_shape = np.array(window_shape)
    if ((arr_shape - window_shape) < 0).any():
        raise ValueError("window_shape is too large")
    win_indices_shape = arr_shape - window_shape + 1
    new_shape = tuple(win_indices_shape) + tuple(window_shape)
    return as_strided(arr_in, shape=new_shape, strides=arr_in.strides + arr_in.strides)  # expect: -


img = np.arange(100, dtype=np.float64).reshape(10, 10)
win = view_as_windows(img, (3, 3))  # expect: -
local_mean = win.mean(axis=(-2, -1))
local_max = win.max(axis=(-2, -1))
print(local_mean[0, 0], local_max[-1, -1])
