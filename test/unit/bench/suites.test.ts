// Every variant of every suite (src/bench/suites.ts) against NumPy's output of the same kind
// (scripts/fixtures/bench_kernels.py), at small and awkward sizes: the naive kernels are the
// references the runner checks the others against, so they are checked here against NumPy.
import { describe, expect, it } from 'vitest';
import { parseSize } from '../../../src/bench/sizes';
import { makeSuite, tolerance } from '../../../src/bench/suites';
import type { OutputKind, SuiteName } from '../../../src/bench/types';
import { loadFixture } from '../fixtures';

interface Case { suite: SuiteName; size: string; outputs: Partial<Record<OutputKind, number[]>> }
const cases = loadFixture<Case[]>('bench_kernels.json');

let clock = 0;
const now = () => (clock += 1);

describe('benchmark suites against NumPy', () => {
  it('covers every suite', () => {
    expect(new Set(cases.map((c) => c.suite))).toEqual(new Set(['conv2d', 'maxpool', 'transpose', 'window']));
  });
  for (const c of cases) {
    const params = parseSize(c.suite, c.size);
    if ('error' in params) throw new Error(params.error);
    const suite = makeSuite(params);
    for (const v of suite.variants) {
      it(`${c.suite} ${c.size}: ${v.name}`, () => {
        const expected = c.outputs[v.computes];
        expect(expected, `fixture has ${v.computes}`).toBeDefined();
        v.tune?.(now);
        v.run();
        const got = Array.from(v.output());
        expect(got.length).toBe(expected!.length);
        const bad = got.findIndex((x, i) => !(Math.abs(x - expected![i]!) <= tolerance(v.computes, params, expected![i]!)));
        expect(bad, `first element off: ${got[bad]} vs ${expected![bad]}`).toBe(-1);
      });
    }
  }
});
