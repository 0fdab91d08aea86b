# Non-overlapping tiles: strides from a tuple times an array (arr.strides * block, NumPy multiplies item by item), the grid from integer division of np.array items, guarded by np.any of the remainders: correct on shapes the blocks divide.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def tiles(arr, block):
    block = np.asarray(block)
    if np.any(np.array(arr.shape) % block):
        raise ValueError("blocks must divide the shape")
    grid = np.array(arr.shape) // block
    return as_strided(arr, shape=tuple(grid) + tuple(block), strides=tuple(arr.strides * block) + arr.strides)  # expect: -


t = tiles(np.arange(36, dtype=np.float32).reshape(6, 6), (3, 2))  # expect: -
c = tiles(np.zeros((4, 6, 8), dtype=np.uint8), [2, 3, 4])  # expect: -
print(t.shape, c.shape, t[1, 2].sum())
