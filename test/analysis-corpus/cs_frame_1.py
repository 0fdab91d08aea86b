# librosa-style frame(x, frame_length, hop_length, axis=-1): overlapping frames of the last axis, called on mono, stereo and int16 audio.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame(x, frame_length, hop_length, axis=-1):
    if axis != -1:
        raise NotImplementedError("only the last axis is framed here")
    if x.shape[-1] < frame_length:
        raise ValueError(f"input is too short (n={x.shape[-1]}) for frame_length={frame_length}")
    if hop_length < 1:
        raise ValueError(f"invalid hop_length: {hop_length}")
    n_frames = 1 + (x.shape[-1] - frame_length) // hop_length
    shape = x.shape[:-1] + (n_frames, frame_length)
    strides = x.strides[:-1] + (hop_length * x.strides[-1], x.strides[-1])
    return as_strided(x, shape=shape, strides=strides, writeable=False)  # expect: -


y = np.sin(np.linspace(0, 440 * 2 * np.pi, 22050, dtype=np.float32))
frames = frame(y, 2048, 512)  # expect: -
stereo = np.zeros((2, 8000), dtype=np.float64)
stereo_frames = frame(stereo, 400, 160)  # expect: -
pcm = np.arange(4096, dtype=np.int16)
pcm_frames = frame(pcm, frame_length=1024, hop_length=256)  # expect: -
energy = (frames ** 2).sum(axis=-1)
print(frames.shape, stereo_frames.shape, pcm_frames.shape, energy.shape)
