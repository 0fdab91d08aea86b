# Module-level `st.as_strided` block view. Bug: shape has 4 entries but the strides tuple only the two outer ones; as_strided refuses it.
import numpy as np
from numpy.lib import stride_tricks as st

tiles = np.zeros((8, 8), dtype=np.float64)
s0, s1 = tiles.strides
try:
    blocks = st.as_strided(tiles, shape=(4, 4, 2, 2), strides=(2 * s0, 2 * s1))  # expect: SL004
except ValueError as e:
    print("rejected:", e)
