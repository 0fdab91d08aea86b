# A lean view_as_windows with no size check. Bug: the last caller passes (width, height) for a (rows, cols) image, the window is taller than the image and as_strided raises.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_windows(arr_in, window_shape, step=1):
    window_shape = np.asarray(window_shape)
    slices = tuple(slice(None, None, step) for _ in window_shape)
    indexing_strides = arr_in[slices].strides
    win_indices_shape = (np.array(arr_in.shape) - window_shape) // step + 1
    new_shape = tuple(list(win_indices_shape) + list(window_shape))
    return as_strided(arr_in, new_shape, tuple(indexing_strides) + arr_in.strides, writeable=False)  # expect: -


page = np.zeros((32, 96), dtype=np.float32)
glyphs = view_as_windows(page, (32, 8), step=4)  # expect: -
square = view_as_windows(page, (5, 5))  # expect: -
print(glyphs.shape, square.shape)
wrong = view_as_windows(page, (40, 24), step=4)  # expect: SL008
