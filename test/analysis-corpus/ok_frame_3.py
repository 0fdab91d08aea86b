# Frames that start after a 256-sample lead-in: the view is made on y[256:], so its start is an offset inside y's buffer.
import numpy as np
from numpy.lib.stride_tricks import as_strided

y = np.arange(8192, dtype=np.float32)
lead = 256
body = y[lead:]
fl, hop = 1024, 512
n = 1 + (body.size - fl) // hop
frames = as_strided(body, (n, fl), (hop * body.itemsize, body.itemsize), writeable=False)  # expect: -
means = frames.mean(axis=1)
assert means[0] == np.mean(y[lead:lead + fl])
print(frames.shape, means[:3])
