# Hankel view whose column count is written len(vals) - m + 1: an unusual spelling that is exactly right for an m-row Hankel of vals.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def hankel_rows(vals, m):
    s = vals.strides[0]
    return as_strided(vals, shape=(m, len(vals) - m + 1), strides=(s, s), writeable=False)  # expect: -


vals = np.arange(1, 10, dtype=np.int64)
H3 = hankel_rows(vals, 3)  # expect: -
H9 = hankel_rows(vals, 9)  # expect: -
H1 = hankel_rows(vals, 1)  # expect: -
assert H3[-1, -1] == vals[-1] and H9.shape == (9, 1)
print(H3)
