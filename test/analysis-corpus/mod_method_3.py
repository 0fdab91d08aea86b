# A Spectrogram object with self.signal = np.zeros(...) and self.win = 256; windows() uses sliding_window_view and keeps every hop-th window.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class Spectrogram:
    def __init__(self, seconds=1, sr=8000):
        self.signal = np.zeros(seconds * sr, dtype=np.float32)
        self.win = 256
        self.hop = 80

    def windows(self):
        return sliding_window_view(self.signal, self.win)[:: self.hop]  # expect: -


spec = Spectrogram()
w = spec.windows()  # expect: -
w2 = Spectrogram(seconds=2).windows()  # expect: -
print(w.shape, w2.shape)
