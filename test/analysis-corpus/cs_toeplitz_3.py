# circulant(c): reverse-and-extend the vector, then step back one element per row with a negative row stride. Complex and int callers.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def circulant(c):
    c = np.asarray(c).ravel()
    L = len(c)
    c_ext = np.concatenate((c[::-1], c[:0:-1]))
    n = c_ext.strides[0]
    return as_strided(c_ext[L - 1:], shape=(L, L), strides=(-n, n)).copy()  # expect: -


m1 = circulant([1, 2, 3, 4])  # expect: -
m2 = circulant(np.exp(2j * np.pi * np.arange(6) / 6))  # expect: -
assert (m1[:, 0] == [1, 2, 3, 4]).all()
print(m1, m2.shape, sep="\n")
