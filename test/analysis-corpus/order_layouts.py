# Memory order of new arrays: order='F' constructors, *_like and np.array/np.copy keeping a transposed (F-contiguous) source's order, np.asarray returning a non-contiguous view as it is, ascontiguousarray copying it; each view is built from the array's own strides.
import numpy as np
from numpy.lib.stride_tricks import as_strided

f = np.zeros((4, 6), dtype=np.float32, order='F')
a = as_strided(f, shape=(3, 6, 2), strides=(f.strides[0], f.strides[1], f.strides[0]), writeable=False)  # expect: -
img = np.arange(30.0).reshape(5, 6)
like = np.empty_like(img.T)
b = as_strided(like, shape=(6, 4, 2), strides=(like.strides[0], like.strides[1], like.strides[1]), writeable=False)  # expect: -
kept = np.array(img.T)
c = as_strided(kept, shape=(6, 4, 2), strides=(kept.strides[0], kept.strides[1], kept.strides[1]), writeable=False)  # expect: -
same = np.asarray(img[:, ::2])
d = as_strided(same, shape=(5, 2, 2), strides=(same.strides[0], same.strides[1], same.strides[1]), writeable=False)  # expect: -
packed = np.ascontiguousarray(img[:, ::2])
e = as_strided(packed, shape=(5, 2, 2), strides=(packed.strides[0], packed.strides[1], packed.strides[1]), writeable=False)  # expect: -
full = np.full((3, 4), 7, dtype=np.int16, order='F')
g = as_strided(full, shape=(2, 4, 2), strides=(full.strides[0], full.strides[1], full.strides[0]), writeable=False)  # expect: -
print(a.shape, b.shape, c.shape, d.shape, e.shape, g.shape, f.strides, like.strides, kept.strides, same.strides, packed.strides, full.strides)
