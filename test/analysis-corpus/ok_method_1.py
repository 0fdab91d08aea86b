# __init__ stores self.signal = np.zeros(4096) and self.win = 256; energy() windows self.signal without writeable=False and only reads the view.
import numpy as np
from numpy.lib.stride_tricks import as_strided


class Buffer:
    def __init__(self, n=4096):
        self.signal = np.zeros(n)
        self.signal[::7] = 1.0
        self.win = 256
        self.hop = 64

    def energy(self):
        x = self.signal
        n = 1 + (len(x) - self.win) // self.hop
        frames = as_strided(x, (n, self.win), (self.hop * x.strides[0], x.strides[0]))  # expect: -
        return (frames ** 2).sum(axis=1)


buf = Buffer()
e = buf.energy()  # expect: -
print(e.shape, e[:3])
