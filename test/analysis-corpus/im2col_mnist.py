# im2col for a 3x3 convolution over one MNIST-sized image.
import numpy as np
from numpy.lib.stride_tricks import as_strided

image = np.random.rand(28, 28).astype(np.float32)
kernel = np.random.rand(3, 3).astype(np.float32)
s = image.strides
patches = as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]), writeable=False)  # expect: -
out = np.tensordot(patches, kernel, axes=((2, 3), (0, 1)))
