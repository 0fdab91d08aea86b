# st.as_strided on a[3:] (the view starts three elements in); the count n - 3 - w + 1 keeps the last window inside a.
import numpy as np
from numpy.lib import stride_tricks as st

a = np.arange(20, dtype=np.float32)
w = 5
b = a[3:]
s = b.strides[0]
wins = st.as_strided(b, shape=(len(a) - 3 - w + 1, w), strides=(s, s), writeable=False)  # expect: -
assert wins[-1, -1] == a[-1] and wins[0, 0] == a[3]
print(wins.shape, wins.mean(axis=1)[:3])
