# Test of a frame helper that rounds the frame count up. Bug: one hop in the test's list leaves a partial last frame that reads past the end (the test only checks shapes).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame_ceil(x, frame_length, hop_length):
    n_frames = 1 + -(-(len(x) - frame_length) // hop_length)
    s = x.strides[0]
    return as_strided(x, (n_frames, frame_length), (hop_length * s, s), writeable=False)  # expect: -


def test_frame_counts(hops):
    x = np.zeros(1024, dtype=np.float32)
    for hop in hops:
        f = frame_ceil(x, 256, hop)
        assert f.shape[1] == 256


test_frame_counts([128, 256, 64])  # expect: -
test_frame_counts([128, 100])  # expect: SL001
