import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

a = np.zeros(12)
w = sliding_window_view(a, 4, writeable=True)  # expect: SL003
