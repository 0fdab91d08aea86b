"""Stride recipes the way libraries write them, and what Stride Lens proves about each.

- rolling_window(a, window): the NumPy-cookbook rolling window, for an array of any number of
  dimensions. At the definition the lens proves it fits any `a` (it reads along the last
  axis only) and offers `sliding_window_view(a, window, axis=-1)`, the same view.
- Framer.frames(): frames of a signal kept on `self`. At the method, `self.signal` is any
  array: the frame count fits it whenever `self.hop ≥ 1`, and the lens says so.
- np.ndarray over another array's memory (a packet of 64 bytes): a view of exactly those
  bytes, checked against them (NumPy raises for one that would not fit).
- order='F': a Fortran-ordered array's columns are contiguous.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling_window(a, window):
    shape = a.shape[:-1] + (a.shape[-1] - window + 1, window)
    strides = a.strides + (a.strides[-1],)
    return as_strided(a, shape=shape, strides=strides, writeable=False)


class Framer:
    def __init__(self, signal, frame_length, hop):
        self.signal = signal
        self.frame_length = frame_length
        self.hop = hop

    def frames(self):
        n = 1 + (self.signal.shape[0] - self.frame_length) // self.hop
        s = self.signal.strides[0]
        return as_strided(self.signal, shape=(n, self.frame_length), strides=(self.hop * s, s), writeable=False)


temps = np.arange(24.0).reshape(4, 6)
smoothed = rolling_window(temps, 3).mean(axis=-1)
framed = Framer(np.zeros(1000, dtype=np.float32), 100, 50).frames()

packet = np.arange(64, dtype=np.uint8)
rows = np.ndarray((3, 4), dtype=np.uint8, buffer=packet, offset=16, strides=(16, 1))

fortran = np.zeros((3, 5), dtype=np.float32, order='F')
columns = as_strided(fortran, shape=(5, 3), strides=(fortran.strides[1], fortran.strides[0]), writeable=False)

try:
    too_far = np.ndarray((4, 4), dtype=np.uint8, buffer=packet, offset=16, strides=(16, 1))
except (TypeError, ValueError) as e:  # NumPy: the buffer is too small
    print(e)
