# Windows counted with np.ceil over float division and astype(int), on sizes where the step divides (shape - window): every window fits, the last one ends on the last element.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.arange(21 * 13, dtype=np.float64).reshape(21, 13)
window = np.array((5, 3))
step = np.array((4, 2))
n = np.ceil((np.array(x.shape) - window) / step).astype(int) + 1
v = as_strided(x, shape=tuple(n.tolist() + window.tolist()), strides=tuple(np.array(x.strides) * step) + x.strides, writeable=False)  # expect: -
print(v.shape, v[-1, -1, -1, -1] == x[-1, -1])
