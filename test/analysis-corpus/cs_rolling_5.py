# Window length derived from a duration with int(...) and clipped with min(...) to the series length; called with a short and a long series.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling_seconds(a, seconds, rate):
    window = int(min(seconds * rate, a.shape[-1]))
    window = max(window, 1)
    shape = a.shape[:-1] + (a.shape[-1] - window + 1, window)
    strides = a.strides + (a.strides[-1],)
    return as_strided(a, shape=shape, strides=strides, writeable=False)  # expect: -


heart = np.zeros(300, dtype=np.float32)
a = rolling_seconds(heart, 2.5, 50)  # expect: -
b = rolling_seconds(heart[:40], 2.5, 50)  # expect: -
c = rolling_seconds(np.ones((3, 90)), 0.01, 50)  # expect: -
print(a.shape, b.shape, c.shape, float(c.sum()))
