# A shape passed whole as a parameter may be an int or a tuple: at the definition np.zeros(shape) and np.broadcast_to(y, shape) claim nothing about its number of dimensions (a naive checker reads it as one int and reports a broadcast or window error); each call site resolves it. From scipy.stats' axis tests (a shape list changed at an index the code computes).
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def spread(y, shape):
    return np.broadcast_to(y, shape)  # expect: -


def buffer_windows(shape):
    a = np.zeros(shape)
    return sliding_window_view(a, (2, 2))  # expect: -


def other_axis(axis):
    shape_x = (4, 5, 6)
    y = np.ones((1, 6))
    not_axis = next(iter({0, 1, 2} - set(axis)))
    target = [1, 1, 6]
    target[not_axis] = shape_x[not_axis]
    return np.broadcast_to(y, target)  # expect: -


row = np.arange(6.0).reshape(1, 6)
s = spread(row, (3, 1, 6))  # expect: -
b = buffer_windows((4, 5))  # expect: -
o = other_axis((0, 2))  # expect: -
print(s.shape, b.shape, o.shape)
