# Parametrized shape test for a framing helper. Bug: the case list has a (4, 6) case the author believed valid; the window is longer than the signal and as_strided raises.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frames(x, w, hop=1):
    n = (len(x) - w) // hop + 1
    return as_strided(x, (n, w), (hop * x.strides[0], x.strides[0]), writeable=False)  # expect: -


def check_shape(n, w, hop):
    v = frames(np.zeros(n, dtype=np.float32), w, hop)
    assert v.shape == ((n - w) // hop + 1, w), (n, w, hop)


for n, w, hop in [(16, 4, 2), (100, 10, 5), (7, 7, 3)]:
    check_shape(n, w, hop)  # expect: -
check_shape(4, 6, 1)  # expect: SL008
