import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

x = np.arange(50, dtype=np.int64)
rolling_max = sliding_window_view(x, 5).max(axis=-1)  # expect: -
