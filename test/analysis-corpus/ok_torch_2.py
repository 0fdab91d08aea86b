# Windows that skip the first 3 elements through storage_offset=3; the count 20 - 3 - w + 1 accounts for the skipped part, so the last window ends at the last element.
import torch

base = torch.arange(20, dtype=torch.int64)
w = 4
skip = 3
n = base.numel() - skip - w + 1
wins = torch.as_strided(base, (n, w), (1, 1), skip)  # expect: -
assert wins[-1, -1].item() == 19
assert torch.equal(wins[0], base[3:7])
print(wins.shape, wins.sum(dim=1)[:3])
