# Module-level windows through `import numpy.lib.stride_tricks as npst`: sliding_window_view and as_strided on the same series.
import numpy as np
import numpy.lib.stride_tricks as npst

series = np.arange(48, dtype=np.float64).reshape(4, 12)
w = 4
v1 = npst.sliding_window_view(series, w, axis=-1)  # expect: -
v2 = npst.as_strided(series, series.shape[:-1] + (series.shape[-1] - w + 1, w), series.strides + (series.strides[-1],), writeable=False)  # expect: -
assert (v1 == v2).all()
print(v1.shape)
