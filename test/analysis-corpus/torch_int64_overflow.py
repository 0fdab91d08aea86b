# 2**63 does not fit torch's 64-bit strides: torch raises TypeError before any view exists.
import torch

t = torch.zeros(4)
v = torch.as_strided(t, (2,), (2**63,))  # expect: SL008
