// The layout calculator against NumPy itself: each case's snippet is run by a real Python
// with NumPy, which reports the view it built (shape, strides, byte bounds) or the error
// NumPy raised; the calculator's numbers must agree.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCalculator, PRESETS, type CalculatorResult } from '../../src/engine/calculator';
import type { CalculatorInputs } from '../../src/protocol';
import { findPython } from '../../scripts/find-python.mjs';

const python = findPython();

interface NumpyView { shape?: number[]; strides?: number[]; low?: number; high?: number; base?: number; error?: string; c?: boolean; f?: boolean }

// Runs each snippet in a fresh namespace and reports `view` relative to its buffer's start.
const RUNNER = `
import json, sys
import numpy as np
out = []
for src in json.load(sys.stdin):
    ns = {}
    try:
        exec(src, ns)
        v = ns["view"]
        base = ns.get("buffer", ns.get("base"))
        lo, hi = np.byte_bounds(v)
        b0 = np.byte_bounds(base)[0]
        out.append({"shape": list(v.shape), "strides": list(v.strides), "low": lo - b0, "high": hi - b0,
                    "c": bool(v.flags.c_contiguous), "f": bool(v.flags.f_contiguous)})
    except Exception as e:
        out.append({"error": f"{type(e).__name__}: {e}"})
print(json.dumps(out))
`;

function runNumpy(snippets: string[]): NumpyView[] {
  if (!python) throw new Error('No Python with NumPy: run bash scripts/setup-test-deps.sh');
  return JSON.parse(execFileSync(python, ['-c', RUNNER], { input: JSON.stringify(snippets), encoding: 'utf8' })) as NumpyView[];
}

function evaluated(inputs: CalculatorInputs): CalculatorResult {
  const r = evaluateCalculator(inputs);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function expectAgrees(r: CalculatorResult, np: NumpyView) {
  const { report } = r;
  if (report.inBounds === false) {
    // as_strided builds it anyway (and its bounds say so); np.ndarray refuses it.
    if (np.error) expect(np.error).toMatch(/buffer is too small|offset must be non-negative|strides is incompatible with shape of requested array and size of buffer/);
    else expect(BigInt(np.high!) > report.nbytes! || BigInt(np.low!) < 0n).toBe(true);
    if (np.error) return;
  }
  if (report.size === 0n && np.error?.includes('strides is incompatible')) {
    // np.ndarray refuses an offset past the buffer's end even for an empty view, which reads nothing.
    expect(BigInt(report.layout.offset) > (report.nbytes ?? 0n)).toBe(true);
    return;
  }
  expect(np.error, r.snippet).toBeUndefined();
  expect([...report.layout.shape]).toEqual(np.shape);
  expect([...report.layout.strides]).toEqual(np.strides);
  expect(report.cContiguous).toBe(np.c);
  expect(report.fContiguous).toBe(np.f);
  if (report.size > 0n) {
    expect(report.extent.low).toBe(BigInt(np.low!));
    expect(report.extent.high).toBe(BigInt(np.high!));
  }
}

describe('layout calculator', () => {
  it('the seed presets agree with NumPy', () => {
    const results = PRESETS.map((p) => evaluated(p.inputs));
    const np = runNumpy(results.map((r) => r.snippet));
    results.forEach((r, i) => expectAgrees(r, np[i]!));
    const byName = Object.fromEntries(PRESETS.map((p, i) => [p.name, results[i]!.report]));
    expect(byName.im2col!.inBounds).toBe(true);
    expect(byName.im2col!.nbytes).toBe(3136n);
    expect(byName.oob!.inBounds).toBe(false);
    // NumPy's own byte bounds say how far the mistake reads past the image.
    expect(byName.oob!.bytesPastEnd).toBe(BigInt(np[PRESETS.findIndex((p) => p.name === 'oob')]!.high!) - 3136n);
  });

  it('random views agree with NumPy (bytes, offsets, buffers, negative and zero strides)', () => {
    const dtypes = ['u1', 'int16', '<f4', 'float64', 'c16', 'V3'];
    const arb = fc.record({
      dtype: fc.constantFrom(...dtypes),
      dims: fc.array(fc.record({ n: fc.integer({ min: 0, max: 5 }), s: fc.integer({ min: -3, max: 8 }) }), { maxLength: 4 }),
      offset: fc.integer({ min: 0, max: 64 }),
      slack: fc.integer({ min: -40, max: 40 }),
    });
    const cases = fc.sample(arb, { numRuns: 300, seed: 2026 }).map(({ dtype, dims, offset, slack }) => {
      const itemsize = evaluated({ dtype, shape: '', strides: '', offset: '0', buffer: '', unit: 'bytes' }).dtype.itemsize;
      const strides = dims.map((d) => d.s * itemsize + (d.s === 5 ? 1 : 0)); // some strides not a multiple of the itemsize
      const draft = evaluated({ dtype, shape: dims.map((d) => d.n).join(','), strides: strides.join(','), offset: String(offset * itemsize), buffer: '', unit: 'bytes' });
      const need = Number(draft.report.extent.high) + slack;
      return { dtype, shape: dims.map((d) => d.n).join(','), strides: strides.join(','), offset: String(offset * itemsize), buffer: String(Math.max(0, need)), unit: 'bytes' as const };
    });
    const results = cases.map(evaluated);
    const np = runNumpy(results.map((r) => r.snippet));
    results.forEach((r, i) => expectAgrees(r, np[i]!));
    expect(results.some((r) => r.report.inBounds === false)).toBe(true);
    expect(results.some((r) => r.report.inBounds === true)).toBe(true);
  });

  it('PyTorch units: strides and storage_offset in elements mean the same bytes', () => {
    const bytes = evaluated(PRESETS.find((p) => p.name === 'im2col')!.inputs);
    const elements = evaluated({ ...PRESETS.find((p) => p.name === 'im2col')!.inputs, strides: '28, 1, 28, 1', unit: 'elements' });
    expect(elements.report.layout.strides).toEqual(bytes.report.layout.strides);
    expect(elements.snippet).toContain('torch.as_strided(base, size=(26, 26, 3, 3), stride=(28, 1, 28, 1), storage_offset=0)');
  });

  it.each([
    [{ strides: '112, 4, x' }, /strides: 'x' at position 3 is not an integer/],
    [{ dtype: 'float33' }, /dtype: .*float33/],
    [{ shape: '26, -1, 3, 3' }, /shape\[1\] = -1/],
    [{ strides: '112, 4' }, /shape has 4 dimensions but strides has 2/],
    [{ buffer: '28, -28' }, /buffer shape: -28 at position 2 is negative/],
    [{ offset: '1e3' }, /offset: '1e3' is not an integer/],
  ])('bad input %o names the bad value', (change, message) => {
    const r = evaluateCalculator({ ...PRESETS[0]!.inputs, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
