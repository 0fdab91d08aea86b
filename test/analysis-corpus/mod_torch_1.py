# Local attention with padding: F.pad the sequence by w // 2 on both sides, then one window of w keys per position.
import torch
import torch.nn.functional as F

B, L, D, w = 1, 10, 4, 3
x = torch.arange(B * L * D, dtype=torch.float32).reshape(B, L, D)
padded = F.pad(x, (0, 0, w // 2, w // 2))
s0, s1, s2 = padded.stride()
windows = torch.as_strided(padded, (B, L, w, D), (s0, s1, s1, s2))  # expect: -
attn = torch.softmax(torch.einsum("bld,blwd->blw", x, windows), dim=-1)
print(windows.shape, attn.shape)
