# Stride-0 views built with as_strided (what expand() does): the bias row is repeated without copying and only read.
import torch

D, B = 6, 4
bias = torch.arange(D, dtype=torch.float32)
tiled = bias.as_strided((B, D), (0, 1))  # expect: -
acts = torch.ones(B, D) + tiled
col = torch.arange(B, dtype=torch.float32)
grid = torch.as_strided(col, (B, D), (1, 0))  # expect: -
print(acts.sum().item(), grid.sum().item())
assert torch.equal(tiled, bias.expand(B, D))
