# torch checks the storage a view needs in int64: a stride of 2**62 elements overflows it.
import torch

t = torch.zeros(4)
v = torch.as_strided(t, (2,), (2**62,))  # expect: SL008
