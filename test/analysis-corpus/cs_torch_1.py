# Tensor.unfold(-1, size, step) written with x.as_strided(size, stride, storage_offset); called on a 1-D signal and a (B, C, L) batch.
import torch


def unfold_last(x, size, step):
    n = (x.size(-1) - size) // step + 1
    sizes = tuple(x.shape[:-1]) + (n, size)
    strides = x.stride()[:-1] + (step * x.stride(-1), x.stride(-1))
    return x.as_strided(sizes, strides, x.storage_offset())  # expect: -


sig = torch.arange(64, dtype=torch.float32)
a = unfold_last(sig, 8, 4)  # expect: -
assert torch.equal(a, sig.unfold(-1, 8, 4))  # expect: -
batch = torch.arange(600, dtype=torch.float32).reshape(2, 3, 100)
b = unfold_last(batch, 10, 5)  # expect: -
assert torch.equal(b, batch.unfold(-1, 10, 5))  # expect: -
print(a.shape, b.shape)
