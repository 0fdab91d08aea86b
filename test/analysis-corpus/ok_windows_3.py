# view_as_windows with no size validation would break for a window bigger than the array, but every caller here passes one that fits.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_windows(arr_in, window_shape, step):
    slices = tuple(slice(None, None, st) for st in step)
    indexing_strides = arr_in[slices].strides
    win_indices_shape = ((np.array(arr_in.shape) - np.array(window_shape)) // np.array(step)) + 1
    new_shape = tuple(list(win_indices_shape) + list(window_shape))
    strides = tuple(list(indexing_strides) + list(arr_in.strides))
    return as_strided(arr_in, shape=new_shape, strides=strides, writeable=False)  # expect: -


a = np.arange(7 * 11, dtype=np.int64).reshape(7, 11)
exact = view_as_windows(a, (7, 11), (1, 1))  # expect: -
strided = view_as_windows(a, (3, 3), (2, 4))  # expect: -
assert (exact[0, 0] == a).all()
print(strided.shape, strided[-1, -1])
