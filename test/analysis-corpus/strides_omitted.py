# as_strided with strides omitted: a C-contiguous source (0-d, empty, length-1 axes with any stride included) gives the new shape C-order strides; only a source that is not C-contiguous keeps its own. From scipy's bisplrep overflow test (a 0-d array stretched, never read) and NumPy's relaxed-strides test.
import numpy as np
from numpy.lib.stride_tricks import as_strided

a = np.zeros((3, 4))
flat = as_strided(a, shape=(4, 3))  # expect: -
cols = np.zeros((4, 6))[:, ::2]
kept = as_strided(cols, shape=(2, 3))  # expect: -
fortran = np.zeros((3, 4), order='F')
f_kept = as_strided(fortran, shape=(4, 3))  # expect: -
huge = as_strided(np.zeros(()), shape=(5,))  # expect: SL001
relaxed = as_strided(np.ones((1, 10, 10), dtype='i8'), strides=(-1, 80, 8))  # expect: -
odd = as_strided(np.zeros((1, 4)), strides=(7, 8))  # expect: -
again = as_strided(odd, shape=(2, 2))  # expect: -
empty = np.zeros((0, 3))
grown = as_strided(empty, shape=(2, 2))  # expect: SL001
print(flat.strides, kept.strides, f_kept.strides, huge.strides, relaxed.strides, again.strides, grown.strides)
