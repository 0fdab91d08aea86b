import torch

x = torch.arange(10)
try:
    v = x.as_strided((10, 3), (1, 1))  # expect: SL001
except RuntimeError:
    pass
