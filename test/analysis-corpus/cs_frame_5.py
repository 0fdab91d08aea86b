# Frames of the last axis, but the frame count uses len(x). Bug: a (channels, samples) array gives a negative frame count and as_strided raises (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame_last_axis(x, frame_length, hop_length):
    n_frames = 1 + (len(x) - frame_length) // hop_length
    shape = x.shape[:-1] + (n_frames, frame_length)
    strides = x.strides[:-1] + (hop_length * x.strides[-1], x.strides[-1])
    return as_strided(x, shape=shape, strides=strides, writeable=False)  # expect: -


mono = np.zeros(11025, dtype=np.float32)
m = frame_last_axis(mono, 1024, 512)  # expect: -
peak = m.max(axis=-1)
stereo = np.zeros((2, 11025), dtype=np.float32)
s = frame_last_axis(stereo, 1024, 512)  # expect: SL008
