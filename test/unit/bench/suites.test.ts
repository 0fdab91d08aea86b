// Every variant of every suite (src/bench/suites.ts) against NumPy's output of the same kind
// (scripts/fixtures/bench_kernels.py), at small and awkward sizes: the naive kernels are the
// references the runner checks the others against, so they are checked here against NumPy.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKernelsWasm } from '../../../scripts/build-wasm.mjs';
import { instantiateKernels, type WasmKernels } from '../../../src/bench/wasm';
import { wasmVariants } from '../../../src/bench/wasmVariants';
import { parseSize } from '../../../src/bench/sizes';
import { makeSuite, tolerance, type Variant } from '../../../src/bench/suites';
import type { SuiteParams } from '../../../src/bench/sizes';
import type { OutputKind, SuiteName } from '../../../src/bench/types';
import { loadFixture } from '../fixtures';

interface Case { suite: SuiteName; size: string; outputs: Partial<Record<OutputKind, number[]>> }
const cases = loadFixture<Case[]>('bench_kernels.json');

let kernels: WasmKernels;
beforeAll(async () => { kernels = instantiateKernels(await buildKernelsWasm()); }, 60_000);

let clock = 0;
const now = () => (clock += 1);

describe('benchmark suites against NumPy', () => {
  it('has WebAssembly variants for conv2d, max-pool and transpose', () => {
    const names = cases.map((c) => {
      const params = parseSize(c.suite, c.size);
      if ('error' in params) throw new Error(params.error);
      return wasmVariants(kernels, makeSuite(params)).map((v) => v.computes);
    });
    expect(new Set(names.flat())).toEqual(new Set(['conv', 'pool', 'transpose']));
  });

  it('covers every suite', () => {
    expect(new Set(cases.map((c) => c.suite))).toEqual(new Set(['conv2d', 'maxpool', 'transpose', 'window']));
  });
  for (const c of cases) {
    const parsed = parseSize(c.suite, c.size);
    if ('error' in parsed) throw new Error(parsed.error);
    const params: SuiteParams = parsed;
    const suite = makeSuite(params);
    const check = (v: Variant) => {
      const expected = c.outputs[v.computes];
      expect(expected, `fixture has ${v.computes}`).toBeDefined();
      v.tune?.(now);
      v.run();
      const got = Array.from(v.output());
      expect(got.length).toBe(expected!.length);
      const bad = got.findIndex((x, i) => !(Math.abs(x - expected![i]!) <= tolerance(v.computes, params, expected![i]!)));
      expect(bad, `${v.name}: first element off: ${got[bad]} vs ${expected![bad]}`).toBe(-1);
    };
    for (const v of suite.variants) it(`${c.suite} ${c.size}: ${v.name}`, () => check(v));
    // the WebAssembly variants of this suite (in fresh wasm memory: built when the test runs)
    it(`${c.suite} ${c.size}: WebAssembly variants`, () => { for (const v of wasmVariants(kernels, suite)) check(v); });
  }
});
