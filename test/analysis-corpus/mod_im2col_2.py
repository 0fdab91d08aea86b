# Module-level stride-2 conv windows. Bug: out = (H - k + 1) // stride + 1 adds the +1 twice, giving 14 rows of 3x3 windows on a 28x28 image where 13 fit.
import numpy as np
from numpy.lib.stride_tricks import as_strided

img = np.zeros((28, 28), dtype=np.float32)
k, stride = 3, 2
out = (img.shape[0] - k + 1) // stride + 1
s0, s1 = img.strides
cols = as_strided(img, (out, out, k, k), (stride * s0, stride * s1, s0, s1), writeable=False)  # expect: SL001
print(cols.shape)
