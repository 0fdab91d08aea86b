# A method whose win defaults to self.win = 256 would not fit a 100-sample signal, but every call passes a smaller win.
import numpy as np
from numpy.lib.stride_tricks import as_strided


class Smoother:
    def __init__(self):
        self.signal = np.linspace(0.0, 1.0, 100)
        self.win = 256

    def smooth(self, win=None):
        w = self.win if win is None else win
        x = self.signal
        v = as_strided(x, (x.shape[0] - w + 1, w), (x.strides[0], x.strides[0]), writeable=False)  # expect: -
        return v.mean(axis=1)


sm = Smoother()
print(sm.smooth(5)[:3])  # expect: -
print(sm.smooth(win=100))  # expect: -
