# Local attention: each query sees a window of 5 keys, built with Tensor.as_strided.
import torch

L, D, w = 32, 16, 5
keys = torch.randn(L, D)
win = keys.as_strided((L - w + 1, w, D), (D, D, 1))  # expect: -
