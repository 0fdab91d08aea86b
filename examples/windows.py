"""N-d windows the way scikit-image writes them: the window count is NumPy arithmetic on shape
arrays (`np.array(arr_in.shape) - window_shape`, `// step + 1`), behind the library's own
argument checks.

Stride Lens follows that arithmetic with the values of each call: the lens on
`patches = view_as_windows(...)` shows the view NumPy makes for that image, a hover on `grid`
shows the array's items, and `np.broadcast_to` gets a lens of its own (stride 0 on the
repeated axis).
"""
import numbers

import numpy as np
from numpy.lib.stride_tricks import as_strided


def view_as_windows(arr_in, window_shape, step=1):
    """Rolling windows of window_shape every step elements along every axis (skimage.util)."""
    if not isinstance(arr_in, np.ndarray):
        raise TypeError("`arr_in` must be a numpy ndarray")
    ndim = arr_in.ndim
    if isinstance(window_shape, numbers.Number):
        window_shape = (window_shape,) * ndim
    if not (len(window_shape) == ndim):
        raise ValueError("`window_shape` is incompatible with `arr_in.shape`")
    if isinstance(step, numbers.Number):
        if step < 1:
            raise ValueError("`step` must be >= 1")
        step = (step,) * ndim
    if len(step) != ndim:
        raise ValueError("`step` is incompatible with `arr_in.shape`")
    arr_shape = np.array(arr_in.shape)
    window_shape = np.array(window_shape, dtype=arr_shape.dtype)
    if ((arr_shape - window_shape) < 0).any():
        raise ValueError("`window_shape` is too large")
    if ((window_shape - 1) < 0).any():
        raise ValueError("`window_shape` is too small")
    slices = tuple(slice(None, None, st) for st in step)
    window_strides = np.array(arr_in.strides)
    indexing_strides = arr_in[slices].strides
    win_indices_shape = ((np.array(arr_in.shape) - np.array(window_shape)) // np.array(step)) + 1
    new_shape = tuple(list(win_indices_shape) + list(window_shape))
    strides = tuple(list(indexing_strides) + list(window_strides))
    return as_strided(arr_in, shape=new_shape, strides=strides)


image = np.arange(64 * 48, dtype=np.float32).reshape(64, 48)
patches = view_as_windows(image, (8, 8), step=4)  # 8×8 patches every 4 pixels
grid = np.array(image.shape) // 8  # tiles per axis
tiles = as_strided(image, shape=tuple(grid) + (8, 8), strides=tuple(8 * np.array(image.strides)) + image.strides, writeable=False)
ramp = np.linspace(0, 1, 8, dtype=np.float32)
weights = np.broadcast_to(ramp, (8, 8))  # the same row 8 times
print(patches.shape, tiles.shape, (tiles * weights).sum(axis=(2, 3)).shape)
