# A helper with default w=3, exercised by a test with other window sizes; only reads the windows.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def moving_sum(x, w=3):
    if w > len(x):
        raise ValueError("window longer than input")
    v = as_strided(x, shape=(len(x) - w + 1, w), strides=(x.strides[0], x.strides[0]))  # expect: -
    return v.sum(axis=1)


def test_moving_sum():
    x = np.arange(8, dtype=np.int64)
    for w in (1, 2, 5, 8):
        assert moving_sum(x, w).tolist() == [int(x[i:i + w].sum()) for i in range(8 - w + 1)]
    assert moving_sum(x).shape == (6,)  # expect: -


test_moving_sum()  # expect: -
print(moving_sum(np.ones(4), w=4))  # expect: -
