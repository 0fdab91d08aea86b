import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

img = np.zeros((40, 40), dtype=np.float32)
crop = img[4:-4, ::2]
win = sliding_window_view(crop, (3, 3))  # expect: -
