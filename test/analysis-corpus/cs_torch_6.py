# conv1d via im2col: (B, C, L) -> (B, C, out, k) with out = (L - k) // stride + 1, checked against F.conv1d.
import torch
import torch.nn.functional as F


def conv1d_im2col(x, weight, stride=1):
    B, C, L = x.shape
    k = weight.shape[-1]
    out = (L - k) // stride + 1
    sB, sC, sL = x.stride()
    cols = torch.as_strided(x, (B, C, out, k), (sB, sC, stride * sL, sL))  # expect: -
    return torch.einsum("bcnk,ock->bon", cols, weight)


x = torch.arange(2 * 3 * 20, dtype=torch.float64).reshape(2, 3, 20)
w = torch.ones(4, 3, 5, dtype=torch.float64)
y1 = conv1d_im2col(x, w)  # expect: -
y2 = conv1d_im2col(x, w[:, :, :3], stride=2)  # expect: -
assert torch.allclose(y1, F.conv1d(x, w)) and torch.allclose(y2, F.conv1d(x, w[:, :, :3], stride=2))
print(y1.shape, y2.shape)
