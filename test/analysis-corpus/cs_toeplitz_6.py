# SSA trajectory (Hankel) matrix of a series with window L, K = N - L + 1 columns. Bug: no check that L <= N; the last call gives K < 0 and as_strided raises.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def trajectory(x, L):
    N = len(x)
    K = N - L + 1
    s = x.strides[0]
    return as_strided(x, shape=(L, K), strides=(s, s), writeable=False)  # expect: -


series = np.sin(np.arange(100) / 5.0)
X = trajectory(series, 20)  # expect: -
u, sv, vt = np.linalg.svd(X, full_matrices=False)
print(X.shape, sv[:3])
short = np.arange(30, dtype=np.float64)
Y = trajectory(short, 40)  # expect: SL008
