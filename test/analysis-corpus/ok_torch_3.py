# Windows down the rows of a transposed (non-contiguous) tensor with an explicit storage offset of 0; default w=5 would not fit, but callers pass 2 and 4.
import torch


def row_windows(mt, w=5):
    R, C = mt.shape
    sr, sc = mt.stride()
    return torch.as_strided(mt, (R - w + 1, w, C), (sr, sr, sc), 0)  # expect: -


m = torch.arange(12, dtype=torch.float32).reshape(3, 4)
mt = m.t()
a = row_windows(mt, 2)  # expect: -
b = row_windows(mt, w=4)  # expect: -
assert torch.equal(b[0], mt)
print(a.shape, b.shape, a.sum().item())
