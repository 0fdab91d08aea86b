# A step validated inside an isinstance branch (skimage style: if isinstance(step, Number): if step < 1: raise), then windows every step: resolved for a valid step; a step of 0 raises in the guard, so no view exists at that call.
import numbers

import numpy as np
from numpy.lib.stride_tricks import as_strided


def strided_windows(x, w, step=1):
    if isinstance(step, numbers.Number):
        if step < 1:
            raise ValueError("step must be >= 1")
        step = (step,)
    n = (x.shape[0] - w) // step[0] + 1
    return as_strided(x, shape=(n, w), strides=(step[0] * x.strides[0], x.strides[0]), writeable=False)  # expect: -


x = np.arange(100, dtype=np.float64)
a = strided_windows(x, 10, step=5)  # expect: -
b = strided_windows(x, 7)  # expect: -
print(a.shape, b.shape)
c = strided_windows(x, 10, step=0)  # expect: -
