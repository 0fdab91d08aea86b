# A RollingMedian filter object: size and axis stored on self, the axis validated against each input before sliding_window_view.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class RollingMedian:
    def __init__(self, size=5, axis=-1):
        self.size = size
        self.axis = axis

    def apply(self, x):
        axis = self.axis
        if not -x.ndim <= axis < x.ndim:
            raise ValueError(f"axis {axis} out of range for {x.ndim}-d input")
        if self.size > x.shape[axis]:
            raise ValueError("size larger than the filtered axis")
        return np.median(sliding_window_view(x, self.size, axis=axis), axis=-1)  # expect: -


rm = RollingMedian()
y1 = rm.apply(np.arange(50, dtype=np.float64))  # expect: -
y2 = RollingMedian(3, axis=0).apply(np.ones((10, 4)))  # expect: -
print(y1[:3], y2.shape)
