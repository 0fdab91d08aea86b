# Array-API framing through xp.lib.stride_tricks.as_strided. Bug: x.strides is already in bytes and is multiplied by itemsize again; fine for uint8, past the end for float64 (last call).
import numpy as np


def array_namespace(*arrays):
    return np


def frame(x, frame_length, hop_length):
    xp = array_namespace(x)
    n_frames = 1 + (x.shape[-1] - frame_length) // hop_length
    step = x.strides[-1] * x.itemsize
    return xp.lib.stride_tricks.as_strided(x, shape=(n_frames, frame_length), strides=(hop_length * step, step), writeable=False)  # expect: -


pcm8 = np.arange(200, dtype=np.uint8)
f8 = frame(pcm8, 40, 20)  # expect: -
print(f8.shape, f8[-1, -1])
audio = np.zeros(2000, dtype=np.float64)
f64 = frame(audio, 400, 200)  # expect: SL001
