# skimage-style view_as_windows(arr_in, window_shape, step): N-d rolling windows, called on a 2-D image and a 3-D volume.
import numbers

import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_windows(arr_in, window_shape, step=1):
    ndim = arr_in.ndim
    if isinstance(window_shape, numbers.Number):
        window_shape = (window_shape,) * ndim
    if isinstance(step, numbers.Number):
        step = (step,) * ndim
    if len(window_shape) != ndim or len(step) != ndim:
        raise ValueError("window_shape and step must have one entry per dimension")
    if ((np.array(arr_in.shape) - np.array(window_shape)) < 0).any():
        raise ValueError("window_shape is too large")
    slices = tuple(slice(None, None, st) for st in step)
    window_strides = np.array(arr_in.strides)
    indexing_strides = arr_in[slices].strides
    win_indices_shape = ((np.array(arr_in.shape) - np.array(window_shape)) // np.array(step)) + 1
    new_shape = tuple(list(win_indices_shape) + list(window_shape))
    strides = tuple(list(indexing_strides) + list(window_strides))
    return as_strided(arr_in, shape=new_shape, strides=strides)  # expect: -


image = np.arange(64 * 64, dtype=np.float32).reshape(64, 64)
patches = view_as_windows(image, (3, 3))  # expect: -
volume = np.zeros((20, 20, 20), dtype=np.uint8)
cubes = view_as_windows(volume, 4, step=2)  # expect: -
print(patches.shape, cubes.shape, patches[10, 10].sum())
