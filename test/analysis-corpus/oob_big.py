import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.zeros((28, 28), dtype=np.float32)
bad = as_strided(image, shape=(100, 100, 3, 3), strides=image.strides * 2, writeable=False)  # expect: SL001
