# `from numpy.lib import stride_tricks as st`: a windows helper calling st.as_strided, used on a float and an int array.
import numpy as np
from numpy.lib import stride_tricks as st


def windows(a, w, step=1):
    n = (a.shape[0] - w) // step + 1
    s = a.strides[0]
    return st.as_strided(a, shape=(n, w), strides=(step * s, s), writeable=False)  # expect: -


x = np.arange(30, dtype=np.float64)
wx = windows(x, 5)  # expect: -
ids = np.arange(64, dtype=np.int32)
wi = windows(ids, 8, step=8)  # expect: -
print(wx.mean(axis=1)[:3], wi[-1])
