# Defaults (2048/512) would not fit these short clips, but every call passes its own sizes; (n - fl + hop) // hop is just 1 + (n - fl) // hop.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame(x, frame_length=2048, hop_length=512):
    n_frames = (x.shape[-1] - frame_length + hop_length) // hop_length
    step = x.strides[-1]
    return as_strided(x, x.shape[:-1] + (n_frames, frame_length), x.strides[:-1] + (hop_length * step, step), writeable=False)  # expect: -


click = np.zeros(1000, dtype=np.float32)
a = frame(click, 256, 100)  # expect: -
b = frame(click, frame_length=1000, hop_length=1)  # expect: -
c = frame(np.zeros((4, 700)), 64, 64)  # expect: -
print(a.shape, b.shape, c.shape, a.sum(), c.mean())
