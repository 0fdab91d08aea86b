import torch

img = torch.rand(10, 10)
s0, s1 = img.stride()
patches = img.as_strided((8, 8, 3, 3), (s0, s1, s0, s1))  # expect: -
