# Windows of a sliced tensor. Bug: xs already starts at storage offset 4 and the code adds 4 again, so the last windows run past the storage and as_strided raises.
import torch

x = torch.arange(16, dtype=torch.float32)
xs = x[4:]
w = 3
n = xs.numel() - w + 1
try:
    v = torch.as_strided(xs, (n, w), (1, 1), xs.storage_offset() + 4)  # expect: SL001
except RuntimeError as e:
    print("refused:", str(e).splitlines()[0])
