"""Audio framing the way libraries write it: a function over any signal, called on real ones.

Stride Lens resolves the view at each call (the lens on `frames = frame(...)` shows what NumPy
makes for that signal) and states at the function what it needs: the frame count fits any
signal as long as `hop_length ≥ 1`. The axis of `smooth` is the caller's: it is not an
error. `frame_one_too_many` is a mistake: every call would read past the end of `x`, and
the quick fix corrects the count in the function's own names.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def frame(x, frame_length, hop_length):
    """Frames of frame_length samples every hop_length samples (a read-only view)."""
    n_frames = 1 + (len(x) - frame_length) // hop_length
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop_length * x.strides[0], x.strides[0]), writeable=False)


def smooth(x, w, axis):
    """Moving average of w samples along the axis the caller names."""
    return sliding_window_view(x, w, axis=axis).mean(axis=-1)


def frame_one_too_many(x, frame_length):
    """Frames every sample: the count is one too many."""
    n_frames = len(x) - frame_length + 2
    return as_strided(x, shape=(n_frames, frame_length), strides=(x.strides[0], x.strides[0]), writeable=False)


signal = np.zeros(16000, dtype=np.float32)  # 1 s at 16 kHz
frames = frame(signal, 400, 160)  # 25 ms frames every 10 ms
print(frames.shape, smooth(np.ones((4, 100)), 5, axis=1).shape)
