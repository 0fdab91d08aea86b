# `import numpy.lib.stride_tricks as npst`: square patches with npst.sliding_window_view. Bug: a 9x9 patch asked of an 8-row thumbnail raises (last call).
import numpy as np
import numpy.lib.stride_tricks as npst


def square_patches(img, k):
    return npst.sliding_window_view(img, (k, k))  # expect: -


photo = np.zeros((64, 48), dtype=np.uint8)
p3 = square_patches(photo, 3)  # expect: -
p9 = square_patches(photo, 9)  # expect: -
print(p3.shape, p9.shape)
thumb = np.zeros((8, 8), dtype=np.uint8)
pt = square_patches(thumb, 9)  # expect: SL008
