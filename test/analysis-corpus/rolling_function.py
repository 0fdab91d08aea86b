import numpy as np
from numpy.lib.stride_tricks import as_strided

def rolling(a, window):
    shape = a.shape[:-1] + (a.shape[-1] - window + 1, window)
    strides = a.strides + (a.strides[-1],)
    return as_strided(a, shape=shape, strides=strides, writeable=False)  # expect: ?

rolling(np.arange(10.0), 3)  # expect: -
