import numpy as np
import numpy.lib.stride_tricks as st

grid = np.full((9, 9), 7, dtype=np.int16)
k = (3, 3)
out = tuple(n - w + 1 for n, w in zip(grid.shape, k))
v = st.as_strided(grid, (7, 7) + k, grid.strides + grid.strides, writeable=False)  # expect: -
