# Local attention windows with Tensor.unfold on a (B, L, D) batch: windows of 5 keys every 1 position along the sequence (dimension 1), then every 2; a window longer than the sequence raises.
import torch

keys = torch.randn(2, 16, 8)
win = keys.unfold(1, 5, 1)  # expect: -
strided = keys.unfold(dimension=1, size=4, step=2)  # expect: -
print(win.shape, strided.shape, win.is_contiguous())
chunks = keys.transpose(1, 2).unfold(2, 4, 4)  # expect: -
too_long = keys.unfold(1, 17, 1)  # expect: SL008
