# Windows of a 1-D tensor that may be a slice: the helper passes x.storage_offset() and x.stride(0) so slices and strided views work.
import torch


def windows(x, w):
    n = x.size(0) - w + 1
    return x.as_strided((n, w), (x.stride(0), x.stride(0)), x.storage_offset())  # expect: -


base = torch.arange(40, dtype=torch.float64)
tail = windows(base[5:], 4)  # expect: -
every_other = windows(base[1::2], 3)  # expect: -
full = windows(base, 40)  # expect: -
assert torch.equal(tail[0], base[5:9]) and torch.equal(every_other[-1], base[35::2])
print(tail.shape, every_other.shape, full.shape)
