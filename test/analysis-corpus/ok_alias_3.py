# An aliased helper with default w=3 and step=1, called with other values; the count (n - w) // step + 1 is right for each.
import numpy as np
from numpy.lib.stride_tricks import as_strided as strided


def win(x, w=3, step=1):
    n = (x.size - w) // step + 1
    return strided(x, (n, w), (step * x.strides[0], x.strides[0]), writeable=False)  # expect: -


x = np.arange(11, dtype=np.int64)
print(win(x).shape)  # expect: -
print(win(x, 11).shape)  # expect: -
print(win(x, w=2, step=3)[-1])  # expect: -
print(win(x, 4, 7)[-1])  # expect: -
