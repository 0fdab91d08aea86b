// Timing statistics (src/bench/stats.ts): quantiles as NumPy computes them
// (scripts/fixtures/bench_kernels.py), and autorange's stopping rules under a scripted clock.
import { describe, expect, it } from 'vitest';
import { autorange, quantile, summarize } from '../../../src/bench/stats';
import { loadFixture } from '../fixtures';

const sets = loadFixture<Array<{ samples: number[]; q: Record<string, number> }>>('bench_quantiles.json');

/** A clock where each call of the timed function takes the next of `costs` (ms), cycling. */
function scripted(costs: number[]) {
  let t = 0, i = 0, calls = 0;
  return {
    now: () => t,
    fn: () => { t += costs[i++ % costs.length]!; calls++; },
    calls: () => calls,
  };
}

describe('quantiles and summary', () => {
  for (const s of sets) {
    it(`matches np.quantile on ${s.samples.length} samples`, () => {
      const sorted = [...s.samples].sort((a, b) => a - b);
      for (const [q, v] of Object.entries(s.q)) expect(quantile(sorted, Number(q))).toBeCloseTo(v, 12);
      const sum = summarize(s.samples)!;
      expect(sum.iqrMs).toBeCloseTo(s.q['0.75']! - s.q['0.25']!, 12);
      expect([sum.minMs, sum.medianMs, sum.maxMs]).toEqual([s.q['0.0']!, expect.closeTo(s.q['0.5']!, 12), s.q['1.0']!]);
    });
  }
  it('has no summary of no samples', () => expect(summarize([])).toBeNull());
});

describe('autorange', () => {
  const budget = { budgetMs: 1000, minSamples: 5, maxSamples: 40, minBlockMs: 20 };
  it('grows blocks to minBlockMs and stops at minSamples when the spread is low', () => {
    const c = scripted([1]);
    const m = autorange(c.fn, c.now, budget);
    expect(m.callsPerSample).toBeGreaterThanOrEqual(20);
    expect(m.samplesMs).toHaveLength(5);
    expect(m.samplesMs.every((x) => x === 1)).toBe(true);
  });
  it('keeps sampling while the spread is high, until the budget', () => {
    const c = scripted([30, 90]);
    const m = autorange(c.fn, c.now, budget);
    expect(m.callsPerSample).toBe(1);
    // each sample alternates 30 / 90 ms: IQR/median stays high, so it stops on the budget, not at 5
    expect(m.samplesMs.length).toBeGreaterThan(5);
    expect(m.samplesMs.length).toBeLessThanOrEqual(budget.maxSamples);
    expect(m.samplesMs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(budget.budgetMs);
  });
  it('stops when asked to', () => {
    const c = scripted([30, 90]);
    let polls = 0;
    const m = autorange(c.fn, c.now, budget, () => ++polls > 2);
    expect(m.samplesMs.length).toBe(3);
  });
});
