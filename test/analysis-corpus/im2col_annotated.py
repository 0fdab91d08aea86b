import numpy as np
from numpy.lib.stride_tricks import as_strided

class Float32:  # stand-in for jaxtyping's Float32 so the snippet runs without it
    def __class_getitem__(cls, item):
        return np.ndarray

def conv_patches(image: Float32[np.ndarray, "28 28"]):
    return as_strided(image, (26, 26, 3, 3), image.strides * 2, writeable=False)  # expect: -

conv_patches(np.zeros((28, 28), dtype=np.float32))
