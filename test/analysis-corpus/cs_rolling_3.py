# Rolling windows with a step: (n - window) // step + 1 windows, the step folded into the outer stride; two callers.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def strided_windows(a, window, step=1):
    if window > a.shape[-1]:
        raise ValueError("window longer than the last axis")
    n_windows = (a.shape[-1] - window) // step + 1
    shape = a.shape[:-1] + (n_windows, window)
    strides = a.strides[:-1] + (step * a.strides[-1], a.strides[-1])
    return as_strided(a, shape=shape, strides=strides, writeable=False)  # expect: -


ticks = np.arange(1000, dtype=np.float64)
minute_bars = strided_windows(ticks, 60, 60)  # expect: -
sensors = np.ones((8, 257), dtype=np.float32)
chunks = strided_windows(sensors, 32, step=16)  # expect: -
print(minute_bars.shape, chunks.shape, chunks.sum())
