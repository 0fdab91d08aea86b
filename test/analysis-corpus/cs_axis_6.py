# Median filter along a validated axis. Bug: the size is never compared with the axis length; a 7-tap filter over an axis of 5 makes sliding_window_view raise (last call).
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def median_filter1d(x, size, axis=-1):
    if not -x.ndim <= axis < x.ndim:
        raise ValueError("axis out of range")
    axis = axis % x.ndim
    win = sliding_window_view(x, window_shape=size, axis=axis)  # expect: -
    return np.median(win, axis=-1)


spectra = np.arange(500, dtype=np.float64).reshape(5, 100)
along_freq = median_filter1d(spectra, 7)  # expect: -
along_time = median_filter1d(spectra, 3, axis=0)  # expect: -
print(along_freq.shape, along_time.shape)
too_long = median_filter1d(spectra, 7, axis=0)  # expect: SL008
