# Shapes built from list(x.shape) and changed in place, as window helpers write them: an item
# replaced, a window axis inserted or appended, an axis deleted. An alias written through and a
# slice assignment make the list unknown (labelled ?), never a stale shape.
import numpy as np
from numpy.lib.stride_tricks import as_strided

x = np.zeros((6, 8))
rows = list(x.shape)
rows[0] = 3
a = as_strided(x, shape=rows, strides=x.strides, writeable=False)  # expect: -
win = list(x.shape)
win.insert(-1, 2)
b = as_strided(x, shape=win, strides=(x.strides[0], x.strides[1], x.strides[1]), writeable=False)  # expect: SL001
flat = list(x.shape)
del flat[0]
c = as_strided(x, shape=flat, strides=(x.strides[1],), writeable=False)  # expect: -
more = list(x.shape)
more.append(4)
d = as_strided(x, shape=more, strides=x.strides + (x.strides[1],), writeable=False)  # expect: SL001
kept = list(x.shape)
other = kept
other[1] = 5
e = as_strided(x, shape=kept, strides=x.strides, writeable=False)  # expect: ?
cut = list(x.shape)
cut[1:] = [2]
f = as_strided(x[:, :2], shape=cut, strides=x.strides, writeable=False)  # expect: ?


def last_axis_windows(y, w):
    shape = list(y.shape)
    shape[-1] = y.shape[-1] - w + 1
    shape.append(w)
    return as_strided(y, shape=shape, strides=y.strides + (y.strides[-1],), writeable=False)  # expect: ?


g = last_axis_windows(np.zeros((3, 10)), 4)  # expect: -
h = last_axis_windows(np.arange(12.0).reshape(2, 6), 6)  # expect: -
print(a.shape, b.shape, c.shape, d.shape, e.shape, f.shape, g.shape, h.shape)
