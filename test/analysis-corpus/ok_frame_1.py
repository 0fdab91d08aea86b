# STFT framing without writeable=False: the overlapping frames are only read (window multiply + rfft), never written to.
import numpy as np
from numpy.lib.stride_tricks import as_strided

sr = 16000
y = np.sin(2 * np.pi * 440 * np.arange(sr) / sr)
n_fft, hop = 512, 128
n_frames = 1 + (len(y) - n_fft) // hop
frames = as_strided(y, shape=(n_frames, n_fft), strides=(hop * y.strides[0], y.strides[0]))  # expect: -
window = np.hanning(n_fft)
spec = np.abs(np.fft.rfft(frames * window, axis=-1))
print(spec.shape, float(spec.max()))
