# Rolling windows over the rows of a (samples, features) table. Bug: no length check, and the last caller's table is shorter than the window, so as_strided raises.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def rolling_rows(table, window):
    n = table.shape[0] - window + 1
    shape = (n, window) + table.shape[1:]
    strides = (table.strides[0],) + table.strides
    return as_strided(table, shape=shape, strides=strides, writeable=False)  # expect: -


features = np.zeros((500, 3), dtype=np.float64)
batches = rolling_rows(features, 20)  # expect: -
print(batches.shape, batches.std(axis=1).shape)
warmup = np.zeros((10, 3), dtype=np.float64)
short = rolling_rows(warmup, 20)  # expect: SL008
