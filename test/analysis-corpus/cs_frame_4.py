# Frames along the first axis of (samples, channels) audio, the layout soundfile returns; called for mono-as-2D and 5.1 int16.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame_samples_first(audio, frame_length, hop_length):
    n_samples = audio.shape[0]
    n_frames = (n_samples - frame_length) // hop_length + 1
    s_time = audio.strides[0]
    shape = (n_frames, frame_length) + audio.shape[1:]
    strides = (hop_length * s_time, s_time) + audio.strides[1:]
    return as_strided(audio, shape=shape, strides=strides, writeable=False)  # expect: -


mono = np.zeros((8000, 1), dtype=np.float32)
surround = np.zeros((4800, 6), dtype=np.int16)
a = frame_samples_first(mono, 256, 128)  # expect: -
b = frame_samples_first(surround, 480, 240)  # expect: -
loudness = np.abs(b.astype(np.float32)).mean(axis=(1, 2))
print(a.shape, b.shape, loudness.shape)
