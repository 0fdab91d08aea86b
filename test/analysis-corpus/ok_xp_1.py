# Welch-style segments: step = nperseg - noverlap and (n - noverlap) // step segments; the count looks short of a "+ 1" but the last segment ends within the signal.
import numpy as np


def array_namespace(*arrays):
    return np


def segments(x, nperseg, noverlap):
    xp = array_namespace(x)
    step = nperseg - noverlap
    n_seg = (x.shape[-1] - noverlap) // step
    shape = x.shape[:-1] + (n_seg, nperseg)
    strides = x.strides[:-1] + (step * x.strides[-1], x.strides[-1])
    return xp.lib.stride_tricks.as_strided(x, shape=shape, strides=strides, writeable=False)  # expect: -


x = np.sin(np.arange(1000) * 0.3)
seg = segments(x, 256, 128)  # expect: -
psd = np.mean(np.abs(np.fft.rfft(seg * np.hanning(256), axis=-1)) ** 2, axis=0)
seg2 = segments(np.ones((2, 300)), 100, 0)  # expect: -
print(seg.shape, psd.shape, seg2.shape)
