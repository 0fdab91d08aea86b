# Frame counts written with true division and rounding, as padding code computes them:
# math.ceil / np.floor / np.ceil of (len(x) - frame_length) / hop. Rounding up without padding
# leaves a last frame that runs past the end unless the hop divides the rest.
import math
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frames_padded(x, frame_length, hop):
    n_frames = math.ceil((len(x) - frame_length) / hop) + 1
    pad = (n_frames - 1) * hop + frame_length - len(x)
    x = np.pad(x, (0, pad))
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop * x.strides[0], x.strides[0]), writeable=False)  # expect: -


def frames_floor(x, frame_length, hop):
    n_frames = int(np.floor((len(x) - frame_length) / hop)) + 1
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop * x.strides[0], x.strides[0]), writeable=False)  # expect: -


def frames_ceil(x, frame_length, hop):
    n_frames = int(np.ceil((len(x) - frame_length) / hop)) + 1
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop * x.strides[0], x.strides[0]), writeable=False)  # expect: -


a = frames_padded(np.zeros(1000), 256, 100)  # expect: -
b = frames_floor(np.zeros(1000), 256, 100)  # expect: -
c = frames_ceil(np.zeros(1000), 256, 128)  # expect: SL001
d = frames_ceil(np.zeros(1024), 256, 128)  # expect: -
print(a.shape, b.shape, c.shape, d.shape)
