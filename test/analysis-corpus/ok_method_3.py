# tail_windows() would read past the end for n > len(self.signal) but it is defined and never called; only head_windows() runs.
import numpy as np
from numpy.lib.stride_tricks import as_strided


class Recorder:
    def __init__(self):
        self.signal = np.arange(1024, dtype=np.float32)
        self.win = 256

    def head_windows(self, count):
        s = self.signal.strides[0]
        count = min(count, len(self.signal) - self.win + 1)
        return as_strided(self.signal, (count, self.win), (s, s), writeable=False)  # expect: -

    def tail_windows(self, n):
        s = self.signal.strides[0]
        start = self.signal[len(self.signal) - self.win:]
        return as_strided(start, (n, self.win), (s, s), writeable=False)  # expect: -


rec = Recorder()
h = rec.head_windows(10_000)  # expect: -
print(h.shape, h[-1, -1])
