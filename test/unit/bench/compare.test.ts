// Run comparison (src/bench/compare.ts): Mann-Whitney p-values and erfc as SciPy computes them
// (scripts/fixtures/bench_compare.py), and changes called only when larger than the noise.
import { describe, expect, it } from 'vitest';
import { compareRuns, erfc, mannWhitneyP } from '../../../src/bench/compare';
import type { BenchResult, BenchRun } from '../../../src/bench/types';
import { loadFixture } from '../fixtures';

const truth = loadFixture<{ cases: Array<{ name: string; x: number[]; y: number[]; p: number }>; erfc: Array<[number, number]> }>('bench_compare.json');

describe('against SciPy', () => {
  it.each(truth.erfc)('erfc(%d)', (x, want) => {
    expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-12);
  });
  for (const c of truth.cases) {
    it(`Mann-Whitney p: ${c.name}`, () => {
      const p = mannWhitneyP(c.x, c.y);
      expect(Math.abs(p - c.p) / c.p).toBeLessThan(1e-9);
    });
  }
});

const result = (variant: string, samplesMs: number[]): BenchResult => {
  const s = [...samplesMs].sort((a, b) => a - b);
  return {
    suite: 'transpose', variant, size: '64x64', computes: 'transpose', medianMs: s[Math.floor(s.length / 2)]!, minMs: s[0]!, maxMs: s[s.length - 1]!,
    iqrMs: 0, samplesMs, gbPerS: 1, gflops: null, fractionOfCopy: null, verified: true, note: null, engine: 'node',
  };
};
const run = (results: BenchResult[]): BenchRun => ({
  version: 1, startedAt: '', results, copyGbPerS: null, cancelled: false,
  machine: { cpu: '', cores: 1, node: '', platform: '', threads: 1, numpy: null, numpyMessage: null },
});

describe('compareRuns', () => {
  const steady = [10, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98];
  it('calls a clear change faster or slower, and noise no change', () => {
    const before = run([result('a', steady), result('b', steady), result('c', steady), result('gone', steady)]);
    const after = run([result('a', steady.map((x) => x * 0.7)), result('b', steady.map((x) => x * 1.3)), result('c', steady.map((x) => x * 1.01)), result('new', steady)]);
    const v = Object.fromEntries(compareRuns(before, after).map((c) => [c.variant, c.verdict]));
    expect(v).toEqual({ a: 'faster', b: 'slower', c: 'no change', new: 'not comparable' });
  });
  it('does not call a change the samples do not support, however large the median moved', () => {
    const noisy = run([result('a', [10, 30])]);
    const c = compareRuns(noisy, run([result('a', [12, 25])]))[0]!;
    expect(c.verdict).toBe('no change');
  });
});
