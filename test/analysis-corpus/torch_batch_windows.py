import torch

seq = torch.zeros(2, 20, 4)
b, n, d = seq.shape
w = 3
v = torch.as_strided(seq, (b, n - w + 1, w, d), (n * d, d, d, 1))  # expect: -
