// "Benchmark this view" requests (src/bench/viewRequest.ts) from the analysis of real calls:
// the rebuilt view is the call's, the F-order twin reads the same source elements in the
// same view order (checked index by index), and calls that cannot be rebuilt safely say why.
import { describe, expect, it } from 'vitest';
import { analyzePython } from '../../../src/analysis';
import { DEFAULT_BUDGET } from '../../../src/bench/stats';
import { viewBenchRequest } from '../../../src/bench/viewRequest';

function request(code: string) {
  const a = analyzePython(code);
  expect(a.calls).toHaveLength(1);
  return viewBenchRequest(a.calls[0]!, DEFAULT_BUDGET);
}

/** Every index of a view, as its byte address. */
function addresses(shape: readonly number[], strides: readonly number[], offset: number): number[] {
  let out = [offset];
  shape.forEach((n, d) => { out = out.flatMap((a) => Array.from({ length: n }, (_, i) => a + i * strides[d]!)); });
  return out;
}

/** The source index at a byte address of a C-ordered (or F-ordered) array. */
function indexAt(addr: number, shape: readonly number[], itemsize: number, order: 'C' | 'F'): string {
  let e = addr / itemsize;
  const idx = new Array<number>(shape.length);
  const axes = order === 'C' ? [...shape.keys()].reverse() : [...shape.keys()];
  for (const k of axes) { idx[k] = e % shape[k]!; e = Math.floor(e / shape[k]!); }
  return idx.join(',');
}

describe('viewBenchRequest', () => {
  it('rebuilds the seed im2col over its 28x28 image, and its F-order twin reads the same pixels in the same order', () => {
    const r = request(`import numpy as np
from numpy.lib.stride_tricks import as_strided
image = np.zeros((28, 28), dtype=np.float32)
s = image.strides
patches = as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]))
`);
    if (!r.ok) throw new Error(r.reason);
    const q = r.request;
    expect(q).toMatchObject({ dtype: '<f4', sourceShape: [28, 28], shape: [26, 26, 3, 3], strides: [112, 4, 112, 4], offset: 0, windowAxes: [2, 3] });
    expect(q.otherOrder).not.toBeNull();
    const c = addresses(q.shape, q.strides, q.offset).map((a) => indexAt(a, [28, 28], 4, 'C'));
    const f = addresses(q.shape, q.otherOrder!.strides, q.otherOrder!.offset).map((a) => indexAt(a, [28, 28], 4, 'F'));
    expect(f).toEqual(c);
    expect(q.otherOrder!.strides).toEqual([4, 112, 4, 112]);
  });

  it('keeps an offset and a negative stride, in the twin too', () => {
    const r = request(`import numpy as np
from numpy.lib.stride_tricks import as_strided
a = np.zeros((6, 10), dtype=np.float64)
v = as_strided(a[1:, ::-1], shape=(5, 4), strides=(80, -16))
`);
    if (!r.ok) throw new Error(r.reason);
    const q = r.request;
    expect(q).toMatchObject({ sourceShape: [60], shape: [5, 4], strides: [80, -16], offset: 152, windowAxes: [1] });
    // the source a[1:, ::-1] does not own the buffer in C order: only the view itself is timed
    expect(q.otherOrder).toBeNull();
  });

  it('sliding_window_view windows are the trailing axes; a torch call is converted to bytes', () => {
    const r = request(`import numpy as np
x = np.zeros(1000, dtype=np.float32)
w = np.lib.stride_tricks.sliding_window_view(x, 16)
`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.request).toMatchObject({ sourceShape: [1000], shape: [985, 16], strides: [4, 4], windowAxes: [1], otherOrder: null });
    const t = request(`import torch
x = torch.zeros(100, dtype=torch.float64)
v = torch.as_strided(x, (10, 3), (9, 2), 5)
`);
    if (!t.ok) throw new Error(t.reason);
    expect(t.request).toMatchObject({ dtype: '<f8', sourceShape: [100], shape: [10, 3], strides: [72, 16], offset: 40 });
  });

  it.each([
    ['an out-of-bounds view', `import numpy as np
from numpy.lib.stride_tricks import as_strided
a = np.zeros(10)
v = as_strided(a, (20,), (8,))
`, /out of bounds/],
    ['a symbolic view', `import numpy as np
from numpy.lib.stride_tricks import as_strided
def f(a, w):
    return as_strided(a, (len(a) - w + 1, w), (a.strides[0], a.strides[0]))
`, /not resolved/],
    ['an object dtype', `import numpy as np
from numpy.lib.stride_tricks import as_strided
a = np.zeros(10, dtype=object)
v = as_strided(a, (5,), (8,))
`, /no NumPy numeric type|not resolved|unknown/],
  ])('refuses %s, saying why', (_what, code, reason) => {
    const r = request(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
