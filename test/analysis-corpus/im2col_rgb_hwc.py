# Channels-last image: windows over H and W, channel kept innermost.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

rgb = np.zeros((32, 32, 3), dtype=np.uint8)
win = sliding_window_view(rgb, (5, 5), axis=(0, 1))  # expect: -
