# view_as_windows on an RGB image with a (8, 8, 3) window and step 4 in every axis (the channel axis gets a single window).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_windows(arr_in, window_shape, step=1):
    ndim = arr_in.ndim
    window_shape = tuple(window_shape) if not np.isscalar(window_shape) else (window_shape,) * ndim
    step = tuple(step) if not np.isscalar(step) else (step,) * ndim
    arr_shape = np.array(arr_in.shape)
    if ((arr_shape - np.array(window_shape)) < 0).any():
        raise ValueError("window_shape is too large")
    slices = tuple(slice(None, None, st) for st in step)
    indexing_strides = arr_in[slices].strides
    win_indices_shape = ((arr_shape - np.array(window_shape)) // np.array(step)) + 1
    new_shape = tuple(list(win_indices_shape) + list(window_shape))
    return as_strided(arr_in, shape=new_shape, strides=indexing_strides + arr_in.strides, writeable=False)  # expect: -


rgb = np.zeros((48, 64, 3), dtype=np.uint8)
w = view_as_windows(rgb, (8, 8, 3), 4)  # expect: -
sig = np.arange(100, dtype=np.float64)
w1 = view_as_windows(sig, 5)  # expect: -
print(w.shape, w1.shape, w1[3])
