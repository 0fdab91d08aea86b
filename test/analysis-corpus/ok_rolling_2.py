# Window count written as a.shape[-1] - (window - 1) and as len(a) + 1 - window: unusual spellings of n - w + 1, both right.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def windows_a(a, window):
    return as_strided(a, a.shape[:-1] + (a.shape[-1] - (window - 1), window), a.strides + a.strides[-1:], writeable=False)  # expect: -


def windows_b(a, window):
    return as_strided(a, (len(a) + 1 - window, window), (a.strides[0], a.strides[0]), writeable=False)  # expect: -


v = np.arange(9, dtype=np.int16)
p = windows_a(v, 3)  # expect: -
q = windows_b(v, 3)  # expect: -
assert (p == q).all()
print(p.sum(axis=1))
