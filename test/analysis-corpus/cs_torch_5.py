# Dilated 1-D windows (C, L) -> (C, n, k). Bug: n = L - k + 1 ignores the dilation; dilation=2 runs out of the storage (last call).
import torch


def dilated_windows(x, k, dilation=1):
    L = x.size(-1)
    n = L - k + 1
    s = x.stride(-1)
    return x.as_strided(tuple(x.shape[:-1]) + (n, k), x.stride()[:-1] + (s, dilation * s))  # expect: -


feats = torch.arange(4 * 50, dtype=torch.float32).reshape(4, 50)
plain = dilated_windows(feats, 5)  # expect: -
print(plain.shape, plain[0, 0])
wide = dilated_windows(feats, 5, dilation=2)  # expect: SL001
