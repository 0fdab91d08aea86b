# Test cases (n, w, step) for a windows helper. Bug: the count is len(x) // step (a pooling count) which only fits when w <= step; the (12, 4, 2) case reads past the end.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def windows(x, w, step):
    n = len(x) // step
    s = x.strides[0]
    return as_strided(x, (n, w), (step * s, s), writeable=False)  # expect: -


def run_case(n, w, step):
    v = windows(np.arange(n, dtype=np.int64), w, step)
    return v.shape


print(run_case(12, 3, 3))  # expect: -
print(run_case(12, 2, 4))  # expect: -
shape = run_case(12, 4, 2)  # expect: SL001
