# Module-level rolling windows over each row of a (days, tickers) price table transposed to (tickers, days).
import numpy as np
from numpy.lib.stride_tricks import as_strided

prices = np.cumsum(np.ones((60, 4)), axis=0)
by_ticker = prices.T
window = 5
shape = by_ticker.shape[:-1] + (by_ticker.shape[-1] - window + 1, window)
strides = by_ticker.strides + (by_ticker.strides[-1],)
rolled = as_strided(by_ticker, shape=shape, strides=strides, writeable=False)  # expect: -
sma = rolled.mean(axis=-1)
print(sma.shape, sma[0, :3])
