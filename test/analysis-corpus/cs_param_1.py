# A test looping over (n, w) cases and comparing a sliding-window helper with a Python loop.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def sliding(x, w):
    return as_strided(x, (x.size - w + 1, w), (x.strides[0],) * 2, writeable=False)  # expect: -


CASES = [(10, 1), (10, 3), (10, 10), (257, 16)]


def test_sliding_matches_loop():
    for n, w in CASES:
        x = np.arange(n, dtype=np.float64)
        got = sliding(x, w).sum(axis=1)
        want = np.array([x[i:i + w].sum() for i in range(n - w + 1)])
        assert np.allclose(got, want), (n, w)


test_sliding_matches_loop()  # expect: -
print("ok")
