# frames() on self.signal with win == hop == 256. Bug: the count len // hop + 1 has one frame too many, which starts at the end of the signal.
import numpy as np
from numpy.lib.stride_tricks import as_strided


class Chunker:
    def __init__(self, n=4096, win=256, hop=256):
        self.signal = np.zeros(n, dtype=np.int16)
        self.win = win
        self.hop = hop

    def frames(self):
        n = len(self.signal) // self.hop + 1
        s = self.signal.strides[0]
        return as_strided(self.signal, (n, self.win), (self.hop * s, s), writeable=False)  # expect: -


c = Chunker()
chunks = c.frames()  # expect: SL001
print(chunks.shape)
