# Windows with step 2. Bug: the in-window strides are also taken from the stepped view image[::2, ::2], so each window spans twice its size and the last ones leave the image.
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.zeros((16, 16), dtype=np.float64)
window_shape = (4, 4)
step = (2, 2)
slices = tuple(slice(None, None, st) for st in step)
indexing_strides = image[slices].strides
win_indices_shape = ((np.array(image.shape) - np.array(window_shape)) // np.array(step)) + 1
new_shape = tuple(list(win_indices_shape) + list(window_shape))
windows = as_strided(image, shape=new_shape, strides=indexing_strides + indexing_strides, writeable=False)  # expect: SL001
print(windows.shape)
