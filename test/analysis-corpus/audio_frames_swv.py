import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

sig = np.zeros(8000, dtype=np.int16)
frames = sliding_window_view(sig, 256)[::128]  # expect: -
