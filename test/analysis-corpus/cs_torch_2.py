# Sliding-window (local) attention: torch.as_strided(x, (B, L - w + 1, w, D), (s0, s1, s1, s2)) gives each query its w neighbouring keys.
import torch


def local_windows(x, w):
    B, L, D = x.shape
    s0, s1, s2 = x.stride()
    return torch.as_strided(x, (B, L - w + 1, w, D), (s0, s1, s1, s2))  # expect: -


q = torch.arange(2 * 16 * 8, dtype=torch.float32).reshape(2, 16, 8)
keys = local_windows(q, 5)  # expect: -
scores = torch.einsum("bld,blwd->blw", q[:, 2:-2], keys)
long_ctx = local_windows(torch.zeros(1, 128, 64), 33)  # expect: -
print(scores.shape, long_ctx.shape)
