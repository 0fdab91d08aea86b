# Module-level block view of a 12x12 image into 4x4 tiles with the skimage formulas written out inline.
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.arange(144, dtype=np.float32).reshape(12, 12)
block_shape = np.array((4, 4))
arr_shape = np.array(image.shape)
new_shape = tuple(arr_shape // block_shape) + tuple(block_shape)
new_strides = tuple(np.array(image.strides) * block_shape) + image.strides
blocks = as_strided(image, shape=new_shape, strides=new_strides, writeable=False)  # expect: -
tile_means = blocks.mean(axis=(2, 3))
print(blocks.shape, tile_means)
