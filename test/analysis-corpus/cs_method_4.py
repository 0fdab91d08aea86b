# An STFT class: transform(y) calls the private _frame(y), which makes the view from self.n_fft / self.hop; two signals transformed.
import numpy as np
from numpy.lib.stride_tricks import as_strided


class STFT:
    def __init__(self, n_fft=512, hop=256):
        self.n_fft = n_fft
        self.hop = hop
        self.window = np.hanning(n_fft)

    def _frame(self, y):
        n_frames = 1 + (len(y) - self.n_fft) // self.hop
        s = y.strides[0]
        return as_strided(y, (n_frames, self.n_fft), (self.hop * s, s), writeable=False)  # expect: -

    def transform(self, y):
        return np.fft.rfft(self._frame(y) * self.window, axis=-1)


stft = STFT()
S1 = stft.transform(np.sin(np.arange(8000) * 0.05))  # expect: -
S2 = STFT(n_fft=64, hop=16).transform(np.ones(300))  # expect: -
print(S1.shape, S2.shape)
