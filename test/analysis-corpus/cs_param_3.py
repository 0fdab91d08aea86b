# A test over signal lengths and hops for a last-axis frame() helper, run twice from module level with different frame lengths.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frame(x, frame_length, hop_length):
    n_frames = 1 + (x.shape[-1] - frame_length) // hop_length
    strides = x.strides[:-1] + (hop_length * x.strides[-1], x.strides[-1])
    return as_strided(x, x.shape[:-1] + (n_frames, frame_length), strides, writeable=False)  # expect: -


def test_frame_matches_slices(frame_length):
    for n in (frame_length, 2 * frame_length + 1, 1000):
        for hop in (1, frame_length // 2, frame_length):
            x = np.arange(n, dtype=np.float64)
            f = frame(x, frame_length, hop)
            assert (f[-1] == x[(f.shape[0] - 1) * hop:(f.shape[0] - 1) * hop + frame_length]).all()


test_frame_matches_slices(64)  # expect: -
test_frame_matches_slices(frame_length=7)  # expect: -
print("passed")
