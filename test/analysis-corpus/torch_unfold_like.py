# What Tensor.unfold does, written with as_strided: frames of 8 with hop 4.
import torch

x = torch.randn(64)
frames = x.as_strided(size=((64 - 8) // 4 + 1, 8), stride=(4, 1))  # expect: -
