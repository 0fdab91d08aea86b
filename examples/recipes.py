"""Stride recipes the way libraries write them, and what Stride Lens proves about each.

- rolling_window(a, window): the NumPy-cookbook rolling window, for an array of any number of
  dimensions. At the definition the lens proves it fits any `a` (it reads along the last
  axis only) and offers `sliding_window_view(a, window, axis=-1)`, the same view.
- Framer.frames(): frames of a signal kept on `self`. At the method, `self.signal` is any
  array: the frame count fits it whenever `self.hop ≥ 1`, and the lens says so.
- np.ndarray over another array's memory (a packet of 64 bytes): a view of exactly those
  bytes, checked against them (NumPy raises for one that would not fit).
- order='F': a Fortran-ordered array's columns are contiguous.
- last_axis_windows: a shape built from list(y.shape) and changed in place, followed to the
  view NumPy makes at the call.
- frames_ceil: a frame count rounded up with math.ceil of a true division; resolved at the call.
- trimmed: x is rebound after a size was read from it, so the view is stated against the new
  x (`x′`), never proven from the old size.
- as_matrix: as_strided with a new shape and no strides. NumPy gives a C-contiguous array
  C-order strides for the new shape and keeps any other array's own, so at the definition the
  strides depend on x's layout; at the call they are resolved.
- row_windows: windows along the second axis of the first row only, one too many: they run
  into the next row (SL002), and leave x only when it has one row.
"""
import math
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


def last_axis_windows(y, w):
    shape = list(y.shape)
    shape[-1] = y.shape[-1] - w + 1
    shape.append(w)
    return as_strided(y, shape=shape, strides=y.strides + (y.strides[-1],), writeable=False)


def frames_ceil(x, frame_length, hop):
    n_frames = math.ceil((len(x) - frame_length) / hop) + 1
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop * x.strides[0], x.strides[0]), writeable=False)


def trimmed(x, w):
    n = x.shape[0] - w + 1
    x = np.trim_zeros(x)
    return as_strided(x, (n, w), (x.strides[0], x.strides[0]), writeable=False)


def as_matrix(x, rows, cols):
    return as_strided(x, shape=(rows, cols), writeable=False)


def row_windows(x, w):
    return as_strided(x, shape=(x.shape[1] - w + 2, w), strides=(x.strides[1], x.strides[1]), writeable=False)


temps = np.arange(24.0).reshape(4, 6)
smoothed = rolling_window(temps, 3).mean(axis=-1)
framed = Framer(np.zeros(1000, dtype=np.float32), 100, 50).frames()
blocks = last_axis_windows(temps, 4)
audio = np.zeros(1024, dtype=np.float32)
ceiled = frames_ceil(audio, 256, 128)
matrix = as_matrix(np.arange(12.0), 3, 4)

packet = np.arange(64, dtype=np.uint8)
rows = np.ndarray((3, 4), dtype=np.uint8, buffer=packet, offset=16, strides=(16, 1))

fortran = np.zeros((3, 5), dtype=np.float32, order='F')
columns = as_strided(fortran, shape=(5, 3), strides=(fortran.strides[1], fortran.strides[0]), writeable=False)

try:
    too_far = np.ndarray((4, 4), dtype=np.uint8, buffer=packet, offset=16, strides=(16, 1))
except (TypeError, ValueError) as e:  # NumPy: the buffer is too small
    print(e)
