# Mistake: NumPy byte strides given to torch, which counts elements.
import torch

t = torch.zeros(28, 28)
try:
    v = t.as_strided((26, 26, 3, 3), (112, 4, 112, 4))  # expect: SL001 SL007
except RuntimeError:
    pass
