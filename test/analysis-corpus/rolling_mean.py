import numpy as np
from numpy.lib.stride_tricks import as_strided

prices = np.random.rand(100)
w = 7
n = prices.shape[0] - w + 1
windows = as_strided(prices, shape=(n, w), strides=(prices.strides[0], prices.strides[0]), writeable=False)  # expect: -
sma = windows.mean(axis=1)
