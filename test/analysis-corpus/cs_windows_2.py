# view_as_windows with a ceil'd window count. Bug: when the step does not divide (shape - window) a partial last window reads past the end (second call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_windows(arr_in, window_shape, step):
    arr_shape = np.array(arr_in.shape)
    window_shape = np.array(window_shape)
    step = np.array(step)
    slices = tuple(slice(None, None, int(s)) for s in step)
    indexing_strides = arr_in[slices].strides
    win_indices_shape = np.ceil((arr_shape - window_shape) / step).astype(int) + 1
    new_shape = tuple(win_indices_shape.tolist() + window_shape.tolist())
    strides = indexing_strides + arr_in.strides
    return as_strided(arr_in, shape=new_shape, strides=strides, writeable=False)  # expect: -


tiles = view_as_windows(np.zeros((32, 32), dtype=np.float32), (8, 8), (8, 8))  # expect: -
print(tiles.shape, tiles.mean(axis=(2, 3)).shape)
overlapping = view_as_windows(np.zeros((30, 30)), (8, 8), (4, 4))  # expect: SL001
