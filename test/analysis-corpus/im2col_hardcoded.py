# The classic blog-post version: byte strides typed in.
import numpy as np

image = np.zeros((28, 28), dtype=np.float32)
patches = np.lib.stride_tricks.as_strided(image, shape=(26, 26, 3, 3), strides=(112, 4, 112, 4))  # expect: SL006
