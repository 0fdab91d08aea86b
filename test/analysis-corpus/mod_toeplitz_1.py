# Module-level Hankel matrix of 1..7 in a 4x4 view with equal strides, built from the array's own stride.
import numpy as np
from numpy.lib.stride_tricks import as_strided

v = np.arange(1, 8, dtype=np.float64)
m = 4
s = v.strides[0]
H = as_strided(v, shape=(m, len(v) - m + 1), strides=(s, s), writeable=False)  # expect: -
assert (H == H.T).all()
eig = np.linalg.eigvalsh(H)
print(H, eig, sep="\n")
