import numpy
x = numpy.ones((6, 6), dtype='float32')
v = numpy.lib.stride_tricks.as_strided(x, (5, 5, 2, 2), x.strides * 2, writeable=False)  # expect: -
