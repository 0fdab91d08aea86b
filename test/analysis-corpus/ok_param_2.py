# Edge cases in a parametrized check: window equal to the length (one window) and window 1 (n windows); all fit.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

EDGE_CASES = [(1, 1), (5, 1), (5, 5), (64, 63), (3, 2)]


def check(n, w):
    x = np.arange(n, dtype=np.float32)
    v = sliding_window_view(x, w)  # expect: -
    assert v.shape == (n - w + 1, w)
    assert v[-1, -1] == x[-1]


for n, w in EDGE_CASES:
    check(n, w)  # expect: -
print("edge cases pass")
