"""A transpose is a view with the strides swapped: no bytes move."""
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.arange(28 * 28, dtype=np.float32).reshape(28, 28)
row, col = image.strides  # (112, 4)

transposed = as_strided(image, shape=(28, 28), strides=(col, row))
assert (transposed == image.T).all()
print(transposed.flags["C_CONTIGUOUS"], transposed.flags["F_CONTIGUOUS"])  # False True
