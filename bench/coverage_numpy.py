"""NumPy's side of bench/coverage.ts: the bytes a view reads, counted by brute force.

Each request line is JSON {shape, strides, offset, itemsize, buffer}; the answer is JSON
{ms, segments} with the best of 3 times (ms) to enumerate every index's address
(np.indices · strides), count each byte with np.add.at (np.bincount for speed) and
run-length encode the counts, and the number of runs, so the two sides can be compared.
"""
import json
import sys
import time

import numpy as np

print(f"numpy {np.__version__}", flush=True)
for line in sys.stdin:
    q = json.loads(line)
    shape, strides, offset, itemsize, buffer = q["shape"], q["strides"], q["offset"], q["itemsize"], q["buffer"]
    best = float("inf")
    runs = 0
    for _ in range(3):
        t0 = time.perf_counter()
        idx = np.indices(shape, dtype=np.int64).reshape(len(shape), -1).T
        addr = offset + idx @ np.array(strides, dtype=np.int64)
        low = min(0, int(addr.min()))
        high = max(buffer, int(addr.max()) + itemsize)
        counts = np.zeros(high - low, dtype=np.int64)
        for k in range(itemsize):
            counts += np.bincount(addr + k - low, minlength=high - low)
        change = np.flatnonzero(np.diff(counts)) + 1
        runs = len(change) + 1
        best = min(best, (time.perf_counter() - t0) * 1000)
    print(json.dumps({"ms": best, "segments": runs}), flush=True)
