# Frame and hop sizes from seconds and a sample rate, as audio code computes them: float
# arithmetic with Python's rounding (round() halves to even, int() truncates toward zero).
import numpy as np
from numpy.lib.stride_tricks import as_strided

sr = 16000
x = np.zeros(sr, dtype=np.float32)
win = int(0.025 * sr)  # 400
hop = round(0.0105 * sr)  # 168.0 exactly → 168
half = round(2.5)  # halves to even: 2
odd = round(3.5)  # 4
back = int(-(-7 / 2))  # int(3.5) = 3
n_frames = 1 + (len(x) - win) // hop
frames = as_strided(x, shape=(n_frames, win), strides=(hop * x.strides[0], x.strides[0]), writeable=False)  # expect: -
pairs = as_strided(x, shape=(half, odd, back), strides=(odd * x.itemsize, x.itemsize, x.itemsize), writeable=False)  # expect: -
tail = as_strided(x[-win:], shape=(int(win * 0.75), 2), strides=(4, 4), writeable=False)  # expect: -
print(frames.shape, pairs.shape, tail.shape)
