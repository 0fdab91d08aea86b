# 2x2 max pooling through view_as_blocks on a cropped, non-contiguous image: the block strides come from the crop, so every block stays inside.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_blocks(arr_in, block_shape):
    block_shape = np.array(block_shape)
    arr_shape = np.array(arr_in.shape)
    if (arr_shape % block_shape).any():
        raise ValueError("'block_shape' is not compatible with 'arr_in'")
    new_shape = tuple(arr_shape // block_shape) + tuple(block_shape)
    new_strides = tuple(np.array(arr_in.strides) * block_shape) + arr_in.strides
    return as_strided(arr_in, shape=new_shape, strides=new_strides, writeable=False)  # expect: -


img = np.arange(15 * 13, dtype=np.float32).reshape(15, 13)
h, w = img.shape
crop = img[1:1 + (h - 1) // 2 * 2, 1:1 + (w - 1) // 2 * 2]
pooled = view_as_blocks(crop, (2, 2)).max(axis=(2, 3))  # expect: -
print(crop.shape, pooled.shape, pooled[-1, -1])
