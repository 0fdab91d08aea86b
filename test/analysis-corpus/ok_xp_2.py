# Stride-0 broadcasting through xp.lib.stride_tricks.as_strided: a row repeated down m rows without copying, only read.
import numpy as np


def array_namespace(*arrays):
    return np


def repeat_rows(v, m):
    xp = array_namespace(v)
    return xp.lib.stride_tricks.as_strided(v, shape=(m, v.shape[0]), strides=(0, v.strides[0]))  # expect: -


v = np.array([1.0, 2.0, 3.0])
R = repeat_rows(v, 1000)  # expect: -
assert R.sum() == 6000.0 and (R[999] == v).all()
print(R.shape, R.strides)
