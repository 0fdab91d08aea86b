# Framing that always returns at least one frame. Bug: a clip shorter than frame_length still gets one full frame, read past its end (last call).
import numpy as np
from numpy.lib.stride_tricks import as_strided


def frames_at_least_one(y, frame_length=512, hop_length=128):
    n_frames = max(1, 1 + (len(y) - frame_length) // hop_length)
    s = y.strides[0]
    return as_strided(y, (n_frames, frame_length), (hop_length * s, s), writeable=False)  # expect: -


long_clip = np.linspace(-1.0, 1.0, 4000)
f1 = frames_at_least_one(long_clip)  # expect: -
f2 = frames_at_least_one(long_clip, 1000, 250)  # expect: -
print(f1.shape, f2.shape, float(f2.max()))
blip = np.ones(300)
f3 = frames_at_least_one(blip)  # expect: SL001
