# A script that defines the image far above and strides later, like notebook cells.
import numpy as np

H = W = 64
image = np.zeros((H, W), dtype=np.float32)
k = 7
out_h, out_w = H - k + 1, W - k + 1
shape = (out_h, out_w, k, k)
strides = image.strides + image.strides
patches = np.lib.stride_tricks.as_strided(image, shape, strides, writeable=False)  # expect: -
