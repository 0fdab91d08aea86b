# Convolution as im2col with torch.nn.functional.unfold, as PyTorch's documentation writes it:
# unfold, multiply by the flattened weights, fold back. F.unfold makes a copy (N, C·kh·kw, L);
# a kernel larger than the padded input makes torch raise.
import torch
import torch.nn.functional as F

inp = torch.randn(1, 3, 10, 12)
w = torch.randn(2, 3, 4, 5)
inp_unf = F.unfold(inp, (4, 5))  # expect: -
out_unf = inp_unf.transpose(1, 2).matmul(w.view(w.size(0), -1).t()).transpose(1, 2)
out = F.fold(out_unf, (7, 8), (1, 1))
print(out.shape)

strided = F.unfold(inp, kernel_size=3, dilation=2, padding=1, stride=2)  # expect: -
single = torch.nn.functional.unfold(torch.zeros(3, 9, 9), 3, stride=3)  # expect: -


def patches(img, k, stride):
    return F.unfold(img, kernel_size=k, stride=stride)  # expect: -


p8 = patches(torch.zeros(2, 1, 28, 28), 7, 7)  # expect: -
p5 = patches(torch.zeros(4, 3, 32, 32), 5, 1)  # expect: -
try:
    too_big = F.unfold(inp, kernel_size=11)  # expect: SL008
except RuntimeError:
    pass
try:
    zero_stride = F.unfold(inp, 3, stride=0)  # expect: SL008
except RuntimeError:
    pass
