# npst.as_strided with a zero stride repeats one column across 500 columns; read-only use (a sum and a comparison).
import numpy as np
import numpy.lib.stride_tricks as npst

col = np.arange(4, dtype=np.float64)
wide = npst.as_strided(col, shape=(4, 500), strides=(col.strides[0], 0))  # expect: -
assert (wide == col[:, None]).all()
totals = wide.sum(axis=1)
scalar = npst.as_strided(np.array(7.0), shape=(3, 3), strides=(0, 0))  # expect: -
print(totals, scalar.sum())
