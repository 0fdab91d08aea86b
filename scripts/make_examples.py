"""Writes the example arrays in examples/data/ with NumPy (run: node scripts/python.mjs scripts/make_examples.py)."""
import os
import sys

import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "examples", "data")
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(2026)

image = rng.random((28, 28), dtype=np.float32)
image[3, 4] = np.nan
image[5, 6] = np.inf
image[7, 8] = -np.inf
np.save(os.path.join(out, "image_28x28_f4.npy"), image)
np.save(os.path.join(out, "features_4d_i2_fortran.npy"), np.asfortranarray(rng.integers(-1000, 1000, (3, 4, 5, 6), dtype=np.int16)))
np.save(os.path.join(out, "bigendian_f8.npy"), (np.arange(24).reshape(4, 6) / 7).astype(">f8"))
np.savez(os.path.join(out, "conv_layer.npz"), weight=rng.standard_normal((8, 1, 3, 3)).astype(np.float32), bias=np.zeros(8, np.float32))
np.savez_compressed(os.path.join(out, "mnist_like_compressed.npz"), images=rng.integers(0, 256, (16, 28, 28), dtype=np.uint8), labels=rng.integers(0, 10, 16))
with open(os.path.join(out, "malformed.npy"), "wb") as f:
    f.write(b"\x93NUMPY\x01\x00\x20\x00{'descr': '<f4', 'shape': (3, oops) }\n")

# A (480, 640, 3) uint8 picture, channels last, as photos load: smooth colour gradients, a disc
# and a square, so the viewer's picture mode is recognisable at a glance.
y, x = np.mgrid[0:480, 0:640]
photo = np.empty((480, 640, 3), dtype=np.uint8)
photo[..., 0] = (x * 255 // 639).astype(np.uint8)
photo[..., 1] = (y * 255 // 479).astype(np.uint8)
photo[..., 2] = 96
disc = (y - 220) ** 2 + (x - 420) ** 2 < 110**2
photo[disc] = (250, 230, 40)
photo[300:420, 80:200] = (30, 60, 200)
np.save(os.path.join(out, "photo_480x640_rgb.npy"), photo)
print(f"wrote example arrays to {out}")
