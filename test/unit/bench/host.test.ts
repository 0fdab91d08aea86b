// The benchmark host (src/bench/host.ts) with its real worker thread (bundled here from
// src/bench/worker.ts, as esbuild.mjs does for dist/benchWorker.js): results stream in
// verified, a Python without NumPy is said plainly, and cancelling stops a long run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmarks } from '../../../src/bench/host';
import { parseSize, type SuiteParams } from '../../../src/bench/sizes';
import type { BenchResult } from '../../../src/bench/types';

let dir = '';
let workerPath = '';
const budget = { budgetMs: 30, minSamples: 3, maxSamples: 5, minBlockMs: 2 };

function size(suite: 'conv2d' | 'maxpool' | 'transpose' | 'window', text: string): SuiteParams {
  const p = parseSize(suite, text);
  if ('error' in p) throw new Error(p.error);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stride-lens-bench-'));
  workerPath = join(dir, 'benchWorker.js');
  await esbuild.build({ entryPoints: ['src/bench/worker.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: workerPath, logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runBenchmarks', () => {
  it('runs every suite in a worker thread; every variant verified and timed, throughput against the copy', async () => {
    const streamed: BenchResult[] = [];
    const progress: string[] = [];
    const run = await runBenchmarks({
      runs: [size('conv2d', '9x9x2/8'), size('maxpool', '4x8x8'), size('transpose', '64x48'), size('window', '500/9')],
      workerPath, python: null, budget, onResult: (r) => streamed.push(r), onProgress: (_d, _t, label) => progress.push(label),
    });
    expect(run.cancelled).toBe(false);
    expect(streamed).toEqual(run.results);
    expect(progress).toEqual(['conv2d 9x9x2/8', 'maxpool 4x8x8', 'transpose 64x48', 'window 500/9', 'done']);
    expect(new Set(run.results.map((r) => r.suite))).toEqual(new Set(['conv2d', 'maxpool', 'transpose', 'window']));
    for (const r of run.results) {
      expect(r.verified, `${r.suite} ${r.variant}: ${r.note}`).toBe(true);
      expect(r.medianMs).toBeGreaterThan(0);
      expect(r.minMs! <= r.medianMs! && r.medianMs! <= r.maxMs!).toBe(true);
      if (r.suite === 'conv2d') expect(r.gflops).toBeGreaterThan(0);
      else expect(r.gbPerS).toBeGreaterThan(0);
      if (r.suite !== 'conv2d') expect(r.fractionOfCopy).toBeCloseTo(r.gbPerS! / run.results.find((c) => c.suite === r.suite && c.computes === 'copy')!.gbPerS!, 9);
    }
    expect(run.machine.numpy).toBeNull();
    expect(run.machine.numpyMessage).toMatch(/no Python with NumPy/);
  });

  it('says plainly when the Python cannot be run, and still reports our variants', async () => {
    const run = await runBenchmarks({ runs: [size('window', '100/5')], workerPath, python: { executable: join(dir, 'no-such-python'), pythonPath: dir }, budget });
    expect(run.results.length).toBeGreaterThan(0);
    expect(run.results.every((r) => r.engine === 'node' && r.verified)).toBe(true);
    expect(run.machine.numpyMessage).toMatch(/could not run .*no-such-python/);
  });

  it('stops a long run when cancelled, keeping what was measured', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    const pending = runBenchmarks({
      runs: [size('transpose', '2048x2048'), size('conv2d', 'large')], workerPath, python: null,
      budget: { budgetMs: 60_000, minSamples: 20, maxSamples: 20, minBlockMs: 50 },
      signal: ac.signal, onResult: () => ac.abort(),
    });
    const run = await pending;
    expect(run.cancelled).toBe(true);
    expect(run.results).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
