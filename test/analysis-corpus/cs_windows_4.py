# view_as_blocks without the divisibility check and a rounded-up block count. Bug: 10 // 4 tiles would fit, ceil asks for 3 and the last tile runs off the image.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_blocks(arr_in, block_shape):
    arr_in = np.ascontiguousarray(arr_in)
    block_shape = np.array(block_shape)
    arr_shape = np.array(arr_in.shape)
    n_blocks = -(-arr_shape // block_shape)
    new_shape = tuple(n_blocks) + tuple(block_shape)
    new_strides = tuple(np.array(arr_in.strides) * block_shape) + arr_in.strides
    return as_strided(arr_in, shape=new_shape, strides=new_strides, writeable=False)  # expect: -


tile_grid = view_as_blocks(np.ones((16, 16), dtype=np.uint8), (4, 4))  # expect: -
print(tile_grid.shape, tile_grid.sum(axis=(2, 3)))
ragged = view_as_blocks(np.ones((10, 10), dtype=np.uint8), (4, 4))  # expect: SL001
