# The axis is checked before the stride call: the bad axis raises the function's own ValueError and no view is made for it (that call site makes no view).
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def local_sums(x, size, axis=-1):
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} out of range")
    if size > x.shape[axis]:
        raise ValueError("window longer than the axis")
    return sliding_window_view(x, size, axis=axis).sum(axis=-1)  # expect: -


grid = np.ones((4, 6), dtype=np.int64)
print(local_sums(grid, 2, axis=0).shape)  # expect: -
print(local_sums(grid, 6).shape)  # expect: -
try:
    local_sums(grid, 2, axis=3)  # expect: -
except ValueError as e:
    print("rejected:", e)
