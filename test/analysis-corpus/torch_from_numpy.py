import numpy as np
import torch

a = np.zeros((6, 6), dtype=np.float32)
t = torch.from_numpy(a)
blocks = t.as_strided((3, 3, 2, 2), (12, 2, 6, 1))  # expect: -
