# A Framer object holds self.win / self.hop; its frames(x) method windows the array it is given. Two instances, two arrays.
import numpy as np
from numpy.lib.stride_tricks import as_strided


class Framer:
    def __init__(self, win=256, hop=128):
        if hop < 1 or win < 1:
            raise ValueError("win and hop must be positive")
        self.win = win
        self.hop = hop

    def frames(self, x):
        n = 1 + (x.shape[-1] - self.win) // self.hop
        s = x.strides[-1]
        return as_strided(x, x.shape[:-1] + (n, self.win), x.strides[:-1] + (self.hop * s, s), writeable=False)  # expect: -


f = Framer()
a = f.frames(np.zeros(4096, dtype=np.float32))  # expect: -
b = Framer(win=400, hop=160).frames(np.zeros((2, 16000)))  # expect: -
print(a.shape, b.shape)
