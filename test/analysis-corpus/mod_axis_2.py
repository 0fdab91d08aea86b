# Module-level smoothing. Bug: axis=-3 on a 2-D array is out of range, so sliding_window_view raises.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

temps = np.zeros((24, 31), dtype=np.float32)
hourly = sliding_window_view(temps, 3, axis=0)  # expect: -
print(hourly.shape)
try:
    weekly = sliding_window_view(temps, 7, axis=-3)  # expect: SL008
except ValueError as e:
    print("axis error:", e)
