# np.ndarray(shape, dtype, buffer=b, offset=..., strides=...) as a view of b's bytes: float32 pairs over a float64 buffer's bytes, a strided column view, a view of a slice's own bytes; one view past the end of its buffer raises (NumPy checks, unlike as_strided).
import numpy as np

b = np.arange(12, dtype=np.float64)
halves = np.ndarray((12, 2), dtype=np.float32, buffer=b)  # expect: -
cols = np.ndarray((4,), dtype=np.float64, buffer=b, offset=16, strides=(24,))  # expect: -
tail = b[4:]
inner = np.ndarray((2, 3), dtype=np.float64, buffer=tail, offset=8)  # expect: -
grid = np.ndarray((3, 2), dtype=np.int16, buffer=np.zeros((2, 3), dtype=np.int16, order='F'), order='F')  # expect: -
print(halves.shape, cols, inner, grid.strides)
past = np.ndarray((4,), dtype=np.float64, buffer=tail, offset=40)  # expect: SL008
