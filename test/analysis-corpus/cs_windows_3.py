# skimage-style view_as_blocks(arr_in, block_shape): non-overlapping blocks, validated, called on an image and a volume.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_blocks(arr_in, block_shape):
    if not isinstance(block_shape, tuple):
        raise TypeError("block needs to be a tuple")
    block_shape = np.array(block_shape)
    if (block_shape <= 0).any():
        raise ValueError("'block_shape' elements must be strictly positive")
    if block_shape.size != arr_in.ndim:
        raise ValueError("'block_shape' must have the same length as 'arr_in.shape'")
    arr_shape = np.array(arr_in.shape)
    if (arr_shape % block_shape).sum() != 0:
        raise ValueError("'block_shape' is not compatible with 'arr_in'")
    arr_in = np.ascontiguousarray(arr_in)
    new_shape = tuple(arr_shape // block_shape) + tuple(block_shape)
    new_strides = tuple(np.array(arr_in.strides) * block_shape) + arr_in.strides
    return as_strided(arr_in, shape=new_shape, strides=new_strides)  # expect: -


img = np.arange(64, dtype=np.float64).reshape(8, 8)
pooled = view_as_blocks(img, (2, 2)).mean(axis=(2, 3))  # expect: -
vol = np.zeros((6, 9, 12), dtype=np.int32)
b = view_as_blocks(vol, (3, 3, 4))  # expect: -
print(pooled.shape, b.shape)
