// The benchmark host (src/bench/host.ts) with its real worker thread (bundled here from
// src/bench/worker.ts, as esbuild.mjs does for dist/benchWorker.js): results stream in
// verified, a Python without NumPy is said plainly, and cancelling stops a long run.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeKernelsWasm } from '../../../scripts/build-wasm.mjs';
import { findNumpy2Python, findPython } from '../../../scripts/find-python.mjs';
import { runBenchmarks, runViewBenchmark } from '../../../src/bench/host';
import { DEFAULT_BUDGET } from '../../../src/bench/stats';
import { viewBenchRequest } from '../../../src/bench/viewRequest';
import { analyzePython } from '../../../src/analysis';
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
  await writeKernelsWasm(join(dir, 'bench-kernels.wasm'));
}, 60_000);
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
    // the WebAssembly kernels beside the worker ran too
    expect(run.results.filter((r) => r.engine === 'wasm').map((r) => r.suite)).toEqual(['conv2d', 'maxpool', 'transpose']);
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

  const pythons = [['Debian NumPy', findPython()], ['NumPy 2', findNumpy2Python(process.cwd())]] as const;
  for (const [label, executable] of pythons) {
    it.skipIf(!executable)(`runs the same suites in ${label} and checks its outputs against ours before counting its times`, async () => {
      const run = await runBenchmarks({
        runs: [size('conv2d', '9x9x2/8'), size('maxpool', '4x8x8'), size('transpose', '64x48'), size('window', '500/9')],
        workerPath, python: { executable: executable!, pythonPath: join(process.cwd(), 'python') }, budget,
      });
      const numpy = run.results.filter((r) => r.engine === 'numpy');
      expect(new Set(numpy.map((r) => r.suite))).toEqual(new Set(['conv2d', 'maxpool', 'transpose', 'window']));
      expect(numpy.map((r) => r.variant)).toContain('numpy:as_strided im2col + matmul');
      expect(numpy.map((r) => r.variant)).toContain('numpy:loops (per output pixel)');
      for (const r of numpy) expect(r.verified && r.medianMs! > 0, `${r.variant}: ${r.note}`).toBe(true);
      expect(run.machine.numpy?.numpy).toMatch(/^\d+\.\d+/);
      expect(run.machine.numpyMessage).toBeNull();
    }, 60_000);
  }

  it('does not count a NumPy variant whose output differs from our reference', async () => {
    // a stand-in bridge that answers with a wrong value at the first checked index
    const fake = join(dir, 'fake-python');
    writeFileSync(fake, `#!/bin/sh
cat > /dev/null
echo '{"type":"machine","machine":{"python":"3","executable":"fake","numpy":"9.9","blas":null,"threads":1,"threadsSource":"test"}}'
echo '{"type":"result","suite":"transpose","variant":"numpy:wrong","size":"5x3","computes":"transpose","bytes":120,"macs":null,"samplesMs":[1,1,1],"callsPerSample":1,"check":{"count":15,"sum":0,"at":${JSON.stringify([99, ...Array(14).fill(0)])}},"note":null}'
echo '{"type":"done"}'
`);
    chmodSync(fake, 0o755);
    const run = await runBenchmarks({ runs: [size('transpose', '5x3')], workerPath, python: { executable: fake, pythonPath: dir }, budget });
    const wrong = run.results.find((r) => r.variant === 'numpy:wrong')!;
    expect(wrong).toMatchObject({ verified: false, medianMs: null, samplesMs: [] });
    expect(wrong.note).toMatch(/^not verified, not timed: differs from the naive transpose at sample 0: 99 vs/);
  });

  it.skipIf(!findPython())('times a view from the editor in NumPy, its copy of as many bytes the baseline', async () => {
    const a = analyzePython(`import numpy as np
from numpy.lib.stride_tricks import as_strided
image = np.zeros((28, 28), dtype=np.float32)
s = image.strides
patches = as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]))
`);
    const req = viewBenchRequest(a.calls[0]!, { ...DEFAULT_BUDGET, ...budget });
    if (!req.ok) throw new Error(req.reason);
    const run = await runViewBenchmark({ executable: findPython()!, pythonPath: join(process.cwd(), 'python') }, req.request);
    expect(run.results.map((r) => r.variant)).toEqual(['numpy:view.copy()', 'numpy:view.sum(axis=(2, 3))', 'numpy:contiguous copy of the same bytes',
      'numpy:view.copy() (source in F order)', 'numpy:view.sum(axis=(2, 3)) (source in F order)']);
    const copy = run.results[2]!;
    expect(copy.fractionOfCopy).toBe(1);
    expect(run.copyGbPerS).toBe(copy.gbPerS);
    for (const r of run.results) expect(r.verified && r.gbPerS! > 0).toBe(true);
  }, 60_000);

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
