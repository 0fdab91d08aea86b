# A reversed view through negative strides works in NumPy; torch refuses it (use torch.flip).
import torch

t = torch.arange(4.0)
v = torch.as_strided(t, (4,), (-1,), 3)  # expect: SL008
