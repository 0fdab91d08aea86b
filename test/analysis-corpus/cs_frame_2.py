# Audio framing with a ceil'd frame count. Bug: when hop_length does not divide (n - frame_length) the last frame reads past the end (second call).
import math

import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame_signal(x, frame_length, hop_length):
    n = x.shape[-1]
    n_frames = 1 + math.ceil((n - frame_length) / hop_length)
    step = x.strides[-1]
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop_length * step, step), writeable=False)  # expect: -


clip = np.zeros(16384, dtype=np.float32)
ok = frame_signal(clip, 1024, 256)  # expect: -
rms = np.sqrt((ok ** 2).mean(axis=1))
speech = np.zeros(22050, dtype=np.float32)
bad = frame_signal(speech, 2048, 512)  # expect: SL001
