// The layout calculator against NumPy itself: each case's snippet is run by a real Python
// with NumPy, which reports the view it built (shape, strides, byte bounds) or the error
// NumPy raised; the calculator's numbers must agree. The PyTorch code is run by torch the same way.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCalculator, PRESETS, type CalculatorResult } from '../../src/engine/calculator';
import type { CalculatorInputs } from '../../src/protocol';
import { findPython } from '../../scripts/find-python.mjs';

const python = findPython();

interface NumpyView { shape?: number[]; strides?: number[]; low?: number; high?: number; base?: number; error?: string; c?: boolean; f?: boolean }

/**
 * Runs each snippet in a fresh namespace with a real Python; `report` is the Python expression
 * (over the snippet's namespace `ns` and its `view` `v`) recorded for it, or the error raised.
 */
function runSnippets<T>(imports: string, report: string, snippets: string[]): T[] {
  if (!python) throw new Error('No Python with NumPy: run bash scripts/setup-test-deps.sh');
  const runner = `
import json, sys
${imports}
out = []
for src in json.load(sys.stdin):
    ns = {}
    try:
        exec(src, ns)
        v = ns["view"]
        out.append(${report})
    except Exception as e:
        out.append({"error": f"{type(e).__name__}: {e}"})
print(json.dumps(out))
`;
  return JSON.parse(execFileSync(python, ['-c', runner], { input: JSON.stringify(snippets), encoding: 'utf8' })) as T[];
}

/** NumPy's view relative to its buffer's start. */
const runNumpy = (snippets: string[]) => runSnippets<NumpyView>('import numpy as np',
  `{"shape": list(v.shape), "strides": list(v.strides), "low": np.byte_bounds(v)[0] - np.byte_bounds(ns.get("buffer", ns.get("base")))[0],
 "high": np.byte_bounds(v)[1] - np.byte_bounds(ns.get("buffer", ns.get("base")))[0], "c": bool(v.flags.c_contiguous), "f": bool(v.flags.f_contiguous)}`, snippets);

interface TorchView { size?: number[]; stride?: number[]; offset?: number; itemsize?: number; error?: string }

/** The view torch built. */
const runTorch = (snippets: string[]) => runSnippets<TorchView>('import torch',
  '{"size": list(v.shape), "stride": list(v.stride()), "offset": v.storage_offset(), "itemsize": v.element_size()}', snippets);

/**
 * Random views in bytes: up to 4 dimensions of 0..5 with strides of `minStride`..8 elements
 * (5 elements plus one byte: not a multiple of the itemsize), an offset, and a buffer that
 * ends a random slack (in bytes or whole elements) before or after the view's extent.
 */
function randomViews(dtypes: string[], o: { seed: number; numRuns: number; minStride: number; maxOffset: number; slackBytes?: number; slackElements?: number }): CalculatorInputs[] {
  const slackMax = o.slackBytes ?? o.slackElements ?? 0;
  const arb = fc.record({
    dtype: fc.constantFrom(...dtypes),
    dims: fc.array(fc.record({ n: fc.integer({ min: 0, max: 5 }), s: fc.integer({ min: o.minStride, max: 8 }) }), { maxLength: 4 }),
    offset: fc.integer({ min: 0, max: o.maxOffset }),
    slack: fc.integer({ min: -slackMax, max: slackMax }),
  });
  return fc.sample(arb, { numRuns: o.numRuns, seed: o.seed }).map(({ dtype, dims, offset, slack }) => {
    const itemsize = evaluated({ dtype, shape: '', strides: '', offset: '0', buffer: '', unit: 'bytes' }).dtype.itemsize;
    const strides = dims.map((d) => d.s * itemsize + (d.s === 5 ? 1 : 0));
    const draft = evaluated({ dtype, shape: dims.map((d) => d.n).join(','), strides: strides.join(','), offset: String(offset * itemsize), buffer: '', unit: 'bytes' });
    const need = Number(draft.report.extent.high) + slack * (o.slackElements !== undefined ? itemsize : 1);
    return { dtype, shape: dims.map((d) => d.n).join(','), strides: strides.join(','), offset: String(offset * itemsize), buffer: String(Math.max(0, need)), unit: 'bytes' as const };
  });
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
  expect(np.error, r.numpy).toBeUndefined();
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
    const np = runNumpy(results.map((r) => r.numpy));
    results.forEach((r, i) => expectAgrees(r, np[i]!));
    const byName = Object.fromEntries(PRESETS.map((p, i) => [p.name, results[i]!.report]));
    expect(byName.im2col!.inBounds).toBe(true);
    expect(byName.im2col!.nbytes).toBe(3136n);
    expect(byName.oob!.inBounds).toBe(false);
    // NumPy's own byte bounds say how far the mistake reads past the image.
    expect(byName.oob!.bytesPastEnd).toBe(BigInt(np[PRESETS.findIndex((p) => p.name === 'oob')]!.high!) - 3136n);
  });

  it('random views agree with NumPy (bytes, offsets, buffers, negative and zero strides)', () => {
    const cases = randomViews(['u1', 'int16', '<f4', 'float64', 'c16', 'V3'], { seed: 2026, numRuns: 300, minStride: -3, maxOffset: 64, slackBytes: 40 });
    const results = cases.map(evaluated);
    const np = runNumpy(results.map((r) => r.numpy));
    results.forEach((r, i) => expectAgrees(r, np[i]!));
    expect(results.some((r) => r.report.inBounds === false)).toBe(true);
    expect(results.some((r) => r.report.inBounds === true)).toBe(true);
  });

  it('PyTorch units: strides and storage_offset in elements mean the same bytes', () => {
    const bytes = evaluated(PRESETS.find((p) => p.name === 'im2col')!.inputs);
    const elements = evaluated({ ...PRESETS.find((p) => p.name === 'im2col')!.inputs, strides: '28, 1, 28, 1', unit: 'elements' });
    expect(elements.report.layout.strides).toEqual(bytes.report.layout.strides);
    expect(elements.numpy).toBe(bytes.numpy);
    expect(elements.torch).toEqual(bytes.torch);
  });

  it('the PyTorch code builds in torch the view NumPy builds, or says why torch cannot', () => {
    // Slack in whole elements: torch's storage holds whole elements only.
    const cases = randomViews(['u1', 'int16', '<f4', 'float64', 'V3', 'S2'], { seed: 2027, numRuns: 200, minStride: -2, maxOffset: 20, slackElements: 12 });
    const results = [...PRESETS.map((p) => evaluated(p.inputs)), ...cases.map(evaluated)];
    const built = results.filter((r) => 'code' in r.torch);
    const torch = runTorch(built.map((r) => (r.torch as { code: string }).code));
    built.forEach((r, i) => {
      const t = torch[i]!;
      const { layout } = r.report;
      // torch checks the storage its view needs (itemsize · (offset + 1 + Σ (n−1)·s)) unless some size is 0.
      if (r.report.inBounds === false && r.report.size > 0n) {
        expect(t.error, (r.torch as { code: string }).code).toMatch(/out of bounds for storage/);
        return;
      }
      expect(t.error, (r.torch as { code: string }).code).toBeUndefined();
      expect(t.size).toEqual([...layout.shape]);
      if (r.report.size > 0n) expect(t.stride).toEqual(layout.strides.map((s) => s / layout.itemsize));
      expect(t.offset).toBe(layout.offset / layout.itemsize);
      expect(t.itemsize).toBe(layout.itemsize);
    });
    const unavailable = results.filter((r) => 'unavailable' in r.torch).map((r) => (r.torch as { unavailable: string }).unavailable);
    expect(built.length).toBeGreaterThan(50);
    expect(unavailable.some((u) => /negative strides/.test(u))).toBe(true);
    expect(unavailable.some((u) => /not a whole number/.test(u))).toBe(true);
    expect(unavailable.some((u) => /no dtype/.test(u))).toBe(true);
    const torchOffset = results[PRESETS.findIndex((p) => p.name === 'torch-offset')]!;
    expect('code' in torchOffset.torch && torchOffset.torch.code).toContain('storage_offset=7');
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
