# 25 ms / 10 ms frames at 44.1 kHz, window and hop rounded with int(round(...)) at module level.
import numpy as np
from numpy.lib.stride_tricks import as_strided

sr = 44100
win = int(round(0.025 * sr))
hop = int(round(0.010 * sr))
x = np.zeros(sr * 2, dtype=np.float32)
x[::100] = 1.0
n_frames = 1 + (x.size - win) // hop
frames = as_strided(x, shape=(n_frames, win), strides=(hop * x.strides[0], x.strides[0]), writeable=False)  # expect: -
zcr = np.count_nonzero(frames, axis=1)
print(n_frames, zcr[:5])
