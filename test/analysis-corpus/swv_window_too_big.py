import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

x = np.arange(5)
try:
    v = sliding_window_view(x, 6)  # expect: SL008
except ValueError:
    pass
