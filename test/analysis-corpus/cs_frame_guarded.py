# librosa-style framing with a guard: the guard raises before a too-short signal is framed,
# so no call site may claim the view reads out of bounds.
import numpy as np
from numpy.lib.stride_tricks import as_strided


class ParameterError(Exception):
    pass


def frame(x, frame_length, hop_length):
    if x.shape[-1] < frame_length:
        raise ParameterError(f"input is too short (n={x.shape[-1]}) for frame_length={frame_length}")
    if hop_length < 1:
        raise ParameterError(f"invalid hop_length: {hop_length}")
    n_frames = 1 + (x.shape[-1] - frame_length) // hop_length
    return as_strided(x, shape=(n_frames, frame_length), strides=(hop_length * x.strides[-1], x.strides[-1]), writeable=False)  # expect: -


y = np.zeros(22050, dtype=np.float32)
frames = frame(y, 2048, 512)  # expect: -
short = np.zeros(1000, dtype=np.float32)
try:
    frame(short, 2048, 512)
except ParameterError:
    pass
