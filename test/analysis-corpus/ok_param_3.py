# A test that a too-long window is rejected: the helper validates first and raises its own ValueError, so no view is made for that case.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling(x, w):
    if not 1 <= w <= x.shape[-1]:
        raise ValueError(f"window {w} does not fit length {x.shape[-1]}")
    return as_strided(x, x.shape[:-1] + (x.shape[-1] - w + 1, w), x.strides + x.strides[-1:], writeable=False)  # expect: -


def test_rolling_rejects_long_windows():
    x = np.zeros(5)
    for w in (6, 0, 100):
        try:
            rolling(x, w)
        except ValueError:
            continue
        raise AssertionError(w)
    assert rolling(x, 5).shape == (1, 5)  # expect: -


test_rolling_rejects_long_windows()  # expect: -
