// The notebook path without the editor: the Python helper describes real NumPy and torch
// views, the renderer's validation turns that into calculator inputs, and the engine's
// extent and bounds must agree with NumPy's byte_bounds measured independently.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCalculator } from '../../src/engine/calculator';
import { inputsFromOutput } from '../../webview/renderer/layoutOutput';
import { findNumpy2Python, findPython } from '../../scripts/find-python.mjs';

const SCRIPT = `
import json, sys
sys.path.insert(0, sys.argv[1])
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view
from stride_lens import layout_bundle
try:
    from numpy.lib.array_utils import byte_bounds  # NumPy 2
except ImportError:
    byte_bounds = np.byte_bounds  # NumPy 1.x
img = np.arange(28 * 28, dtype=np.float32).reshape(28, 28)
s = img.strides
big = np.zeros((4, 6, 8), dtype='>i2', order='F')
views = {
  'im2col': as_strided(img, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1])),
  'oob': as_strided(img, shape=(100, 100, 3, 3), strides=(s[0], s[1], s[0], s[1])),
  'transpose': img.T,
  'reversed': img[::-1, 3:20:2],
  'offset': img[5:, 7:],
  'windows': sliding_window_view(img[2:], (4, 4))[::2, ::2],
  'fortran': big[1:, ::-2],
  'broadcast': np.broadcast_to(img[0], (5, 28)),
  'scalar': img[3, 4, ...],
}
out = []
for name, v in views.items():
    owner = v
    while True:
        b = owner.base
        if not isinstance(b, np.ndarray): b = getattr(b, 'base', None)
        if not isinstance(b, np.ndarray): break
        owner = b
    start = byte_bounds(owner)[0]
    lo, hi = byte_bounds(v)
    out.append({'name': name, 'bundle': layout_bundle(v, name), 'low': lo - start, 'high': hi - start, 'owner': owner.nbytes})
try:
    import torch
    t = torch.arange(100, dtype=torch.float64)
    tv = torch.as_strided(t, (10, 3), (9, 2), 5)
    start = byte_bounds(t.numpy())[0]
    lo, hi = byte_bounds(tv.numpy())  # torch shares the memory with NumPy, which measures it
    out.append({'name': 'torch', 'bundle': layout_bundle(tv, 'tv'), 'low': lo - start, 'high': hi - start, 'owner': t.numpy().nbytes})
except ImportError:
    pass
print(json.dumps(out))
`;

interface Case { name: string; bundle: unknown; low: number; high: number; owner: number }

const ROOT = resolve(__dirname, '..', '..');

function checkViews(python: string): void {
  const cases = JSON.parse(execFileSync(python, ['-c', SCRIPT, resolve(ROOT, 'python')], { encoding: 'utf8' })) as Case[];
  expect(cases.length).toBeGreaterThanOrEqual(10); // nine NumPy views and the torch one
  for (const c of cases) {
    const parsed = inputsFromOutput(c.bundle);
    if (!parsed.ok) throw new Error(`${c.name}: ${parsed.error}`);
    const r = evaluateCalculator(parsed.inputs);
    if (!r.ok) throw new Error(`${c.name}: ${r.error}`);
    expect(r.value.report.nbytes, c.name).toBe(BigInt(c.owner));
    expect([r.value.report.extent.low, r.value.report.extent.high], c.name).toEqual([BigInt(c.low), BigInt(c.high)]);
    expect(r.value.report.inBounds, c.name).toBe(c.low >= 0 && c.high <= c.owner);
  }
  expect(cases.find((c) => c.name === 'oob')!.high).toBeGreaterThan(3136);
}

describe('notebook helper → renderer → engine', () => {
  it('describes real views the way NumPy 1.x (Debian) measures them', () => {
    const python = findPython({ needTorch: true });
    if (!python) throw new Error('No Python with NumPy and torch: run bash scripts/setup-test-deps.sh');
    checkViews(python);
  });

  it('describes real views the way NumPy 2.x measures them', () => {
    const python = findNumpy2Python(ROOT);
    if (!python) throw new Error('No NumPy 2 venv: run bash scripts/setup-numpy2-venv.sh');
    checkViews(python);
  });

  it('rejects malformed outputs with a message instead of throwing', () => {
    fc.assert(fc.property(fc.anything(), (data) => {
      const r = inputsFromOutput(data);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
    }), { seed: 7, numRuns: 2000 });
    expect(inputsFromOutput({ version: 1, unit: 'bytes', dtype: '<f4', shape: [2], strides: ['4'], offset: 0, bufferBytes: 8 })).toEqual({ ok: false, error: 'strides ["4"] is not a list of integers' });
    expect(inputsFromOutput({ version: 2 })).toEqual({ ok: false, error: 'unsupported layout output version 2' });
  });
});
