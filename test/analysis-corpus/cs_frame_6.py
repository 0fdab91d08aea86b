# Newer librosa-style frame(): sliding_window_view over the last axis, then keep every hop_length-th window.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def frame(x, *, frame_length, hop_length):
    x = np.asarray(x)
    if x.shape[-1] < frame_length:
        raise ValueError(f"Input is too short (n={x.shape[-1]}) for frame_length={frame_length}")
    xw = sliding_window_view(x, frame_length, axis=-1)  # expect: -
    return xw[..., ::hop_length, :]


y = np.cos(np.arange(22050, dtype=np.float32) * 0.01)
S = frame(y, frame_length=2048, hop_length=512)  # expect: -
batch = np.zeros((3, 4000), dtype=np.float64)
B = frame(batch, frame_length=400, hop_length=160)  # expect: -
print(S.shape, B.shape, S[0, :4])
