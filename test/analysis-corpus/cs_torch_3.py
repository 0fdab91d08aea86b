# Framing helper ported from NumPy code. Bug: strides scaled by element_size() as if torch counted bytes; fine for uint8 codes, out of the storage for float32 audio (last call).
import torch


def frames(t, size, hop):
    n = (t.numel() - size) // hop + 1
    esz = t.element_size()
    return t.as_strided((n, size), (hop * esz, esz))  # expect: -


codes = torch.arange(256, dtype=torch.uint8)
c = frames(codes, 16, 8)  # expect: -
print(c.shape, int(c[-1, -1]))
wave = torch.zeros(1000)
w = frames(wave, 100, 50)  # expect: SL001 SL007
