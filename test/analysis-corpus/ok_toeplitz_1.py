# Reversed views through negative strides starting at the last element: they walk back to element 0 and never before it.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.arange(10, dtype=np.float64)
rev = as_strided(x[len(x) - 1:], shape=(len(x),), strides=(-x.strides[0],), writeable=False)  # expect: -
assert (rev == x[::-1]).all()
m = np.arange(12, dtype=np.int32).reshape(3, 4)
s0, s1 = m.strides
flipped = as_strided(m[-1:, -1:], shape=m.shape, strides=(-s0, -s1), writeable=False)  # expect: -
assert (flipped == m[::-1, ::-1]).all()
print(rev[:3], flipped[0])
