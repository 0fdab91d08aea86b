# Array-API blocks: xp-generic view_as_blocks on a C-contiguous copy; block counts from exact division, called for 2-D and 3-D.
import numpy as np


def array_namespace(*arrays):
    return np


def view_as_blocks(arr, block_shape):
    xp = array_namespace(arr)
    arr = xp.ascontiguousarray(arr)
    if any(n % b for n, b in zip(arr.shape, block_shape)):
        raise ValueError("block_shape does not divide the array shape")
    counts = tuple(n // b for n, b in zip(arr.shape, block_shape))
    outer = tuple(s * b for s, b in zip(arr.strides, block_shape))
    return xp.lib.stride_tricks.as_strided(arr, shape=counts + tuple(block_shape), strides=outer + arr.strides, writeable=False)  # expect: -


b2 = view_as_blocks(np.arange(36.0).reshape(6, 6), (3, 2))  # expect: -
b3 = view_as_blocks(np.zeros((4, 6, 8), dtype=np.int8), (2, 3, 4))  # expect: -
print(b2.shape, b3.shape, b2[1, 2])
