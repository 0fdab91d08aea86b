"""Local attention windows with Tensor.unfold: every position of a (batch, length, dim) key
tensor sees the 5 keys starting there, as a view (no copy).

Stride Lens gives `unfold` a lens like any strided view (sizes and strides in elements, the
storage it reads), and flags a window longer than the sequence: torch raises there.
`F.unfold` (im2col) is a copy: its lens gives the copy's shape and how many blocks it holds.
"""
import torch
import torch.nn.functional as F

keys = torch.randn(2, 16, 8)
windows = keys.unfold(1, 5, 1)  # (2, 12, 8, 5): 12 windows of 5 keys
scores = torch.einsum("bld,bldw->blw", keys[:, :12], windows)
image = torch.randn(1, 3, 32, 32)
cols = F.unfold(image, kernel_size=3, padding=1)  # im2col: a copy, one column per 3 × 3 block
too_long = keys.unfold(1, 17, 1)  # a window longer than the sequence: torch raises
