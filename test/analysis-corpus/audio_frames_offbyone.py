# Mistake: one frame too many (forgot the + 1 / used ceil).
import numpy as np
from numpy.lib.stride_tricks import as_strided

signal = np.zeros(1000, dtype=np.float32)
frame, hop = 100, 50
n_frames = len(signal) // hop
frames = as_strided(signal, (n_frames, frame), (hop * 4, 4), writeable=False)  # expect: SL001
