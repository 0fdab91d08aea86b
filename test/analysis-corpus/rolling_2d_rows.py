# Rolling windows along the last axis of every row.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

data = np.random.rand(5, 30)
win = sliding_window_view(data, 4, axis=1)  # expect: -
