# Interleaved stereo: frames over time, both channels kept.
import numpy as np
from numpy.lib.stride_tricks import as_strided

stereo = np.zeros((4410, 2), dtype=np.float32)
st0, st1 = stereo.strides
frames = as_strided(stereo, (43, 200, 2), (100 * st0, st0, st1), writeable=False)  # expect: -
