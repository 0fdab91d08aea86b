# np.broadcast_to as a view: a row repeated down 1000 rows (stride 0), a column across 4, a scalar to a grid; a target that does not match raises.
import numpy as np

row = np.arange(3, dtype=np.float32)
rows = np.broadcast_to(row, (1000, 3))  # expect: -
col = np.arange(5.0).reshape(5, 1)
grid = np.broadcast_to(col, (5, 4))  # expect: -
one = np.broadcast_to(np.array(7, dtype=np.int16), (2, 3))  # expect: -
print(rows.strides, grid.strides, one.strides, rows.flags.writeable)
bad = np.broadcast_to(row, (4, 2))  # expect: SL008
