# Separable 3x3 box filter at module level: sliding_window_view along axis 1, then along axis 0 of the row-filtered result.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

img = np.arange(10 * 12, dtype=np.float64).reshape(10, 12)
k = 3
rows = sliding_window_view(img, k, axis=1).mean(axis=-1)  # expect: -
both = sliding_window_view(rows, k, axis=0).mean(axis=-1)  # expect: -
direct = sliding_window_view(img, (k, k)).mean(axis=(-2, -1))  # expect: -
assert np.allclose(both, direct)
print(both.shape)
