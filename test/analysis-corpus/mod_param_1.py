# Module-level loop over (n, w) cases making the window view directly in the loop body.
import numpy as np
from numpy.lib.stride_tricks import as_strided

results = {}
for n, w in [(6, 2), (20, 5), (100, 100), (33, 8)]:
    x = np.arange(n, dtype=np.int32)
    s = x.strides[0]
    v = as_strided(x, shape=(n - w + 1, w), strides=(s, s), writeable=False)  # expect: -
    results[(n, w)] = int(v.sum())
print(results)
assert results[(100, 100)] == sum(range(100))
