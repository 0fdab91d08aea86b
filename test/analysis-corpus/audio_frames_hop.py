# Frames of 400 samples every 160 samples (25 ms / 10 ms at 16 kHz).
import numpy as np
from numpy.lib.stride_tricks import as_strided

signal = np.zeros(16000, dtype=np.float32)
frame, hop = 400, 160
n_frames = 1 + (len(signal) - frame) // hop
frames = as_strided(signal, shape=(n_frames, frame), strides=(hop * signal.strides[0], signal.strides[0]), writeable=False)  # expect: -
