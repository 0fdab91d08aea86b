# __init__ stores self.signal = np.zeros(n), self.win = 256; frames(x=None) windows x or self.signal. Bug: the count uses self.signal's length even for a shorter x (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


class Analyzer:
    def __init__(self, n=8000):
        self.signal = np.zeros(n, dtype=np.float32)
        self.win = 256
        self.hop = 128

    def frames(self, x=None):
        if x is None:
            x = self.signal
        n_frames = 1 + (len(self.signal) - self.win) // self.hop
        s = x.strides[0]
        return as_strided(x, (n_frames, self.win), (self.hop * s, s), writeable=False)  # expect: -


an = Analyzer()
own = an.frames()  # expect: -
same_len = an.frames(np.ones(8000, dtype=np.float32))  # expect: -
print(own.shape, same_len.sum())
short = an.frames(np.ones(4000, dtype=np.float32))  # expect: SL001
