# A signal and an image the code makes, framed with a hop the caller passes: the strides are
# hop times a known stride. At the definition the count fits whenever hop ≥ 1; one frame too
# many reads past the end for every hop.
import numpy as np
from numpy.lib.stride_tricks import as_strided

SIGNAL = np.zeros(16000, dtype=np.float32)


def frames(hop, win):
    n = 1 + (len(SIGNAL) - win) // hop
    return as_strided(SIGNAL, (n, win), (hop * SIGNAL.strides[0], SIGNAL.strides[0]), writeable=False)  # expect: -


def frames_one_too_many(hop, win):
    n = 2 + (len(SIGNAL) - win) // hop
    return as_strided(SIGNAL, (n, win), (hop * SIGNAL.strides[0], SIGNAL.strides[0]), writeable=False)  # expect: SL001


def patches(hop):
    img = np.zeros((32, 32), dtype=np.float32)
    n = (32 - 3) // hop + 1
    return as_strided(img, (n, n, 3, 3), (hop * img.strides[0], hop * img.strides[1], img.strides[0], img.strides[1]), writeable=False)  # expect: -


a = frames(160, 400)  # expect: -
b = frames(100, 256)  # expect: -
c = frames_one_too_many(160, 400)  # expect: SL001
p = patches(2)  # expect: -
q = patches(3)  # expect: -
print(a.shape, b.shape, c.shape, p.shape, q.shape)
