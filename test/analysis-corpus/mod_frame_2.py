# center=True framing. Bug: the frame count comes from the padded signal but the view is made on the unpadded one, so the last frames run past its end.
import numpy as np
from numpy.lib.stride_tricks import as_strided

y = np.zeros(22050, dtype=np.float32)
n_fft, hop = 2048, 512
y_pad = np.pad(y, n_fft // 2, mode="reflect")
n_frames = 1 + (len(y_pad) - n_fft) // hop
s = y.strides[0]
frames = as_strided(y, (n_frames, n_fft), (hop * s, s), writeable=False)  # expect: SL001
print(frames.shape)
