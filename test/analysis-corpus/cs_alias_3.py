# NumPy imported as onp (the JAX-era alias): onp.lib.stride_tricks.as_strided for 2-D sliding patches, called twice.
import numpy as onp


def patches2d(img, kh, kw):
    H, W = img.shape
    s0, s1 = img.strides
    return onp.lib.stride_tricks.as_strided(img, (H - kh + 1, W - kw + 1, kh, kw), (s0, s1, s0, s1), writeable=False)  # expect: -


a = patches2d(onp.arange(49.0).reshape(7, 7), 3, 3)  # expect: -
b = patches2d(onp.ones((4, 20), dtype=onp.float32), 4, 2)  # expect: -
print(a.shape, b.shape, a[0, 0])
