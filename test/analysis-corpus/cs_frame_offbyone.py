# A frame count one too many: every call site reads one hop past the end of its signal.
# At the definition the hop is a symbol: (n - w) // hop * hop > n - w - hop for every hop ≥ 1,
# so the last frame always ends past the end.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame(x, frame_length, hop_length):
    n_frames = 2 + (len(x) - frame_length) // hop_length
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop_length * x.strides[0], x.strides[0]))  # expect: SL001


sig = np.ones(1600, dtype=np.float64)
a = frame(sig, 400, 160)  # expect: SL001
b = frame(np.arange(1000.0), 100, 100)  # expect: SL001
