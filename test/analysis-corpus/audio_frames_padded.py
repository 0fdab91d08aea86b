import numpy as np
from numpy.lib.stride_tricks import as_strided

y = np.random.rand(22050)
n_fft, hop = 2048, 512
y = np.pad(y, n_fft // 2)
n = 1 + (y.shape[0] - n_fft) // hop
frames = as_strided(y, (n, n_fft), (y.itemsize * hop, y.itemsize), writeable=False)  # expect: -
