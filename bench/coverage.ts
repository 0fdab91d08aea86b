/**
 * Coverage (src/engine/coverage.ts) against NumPy brute force in the same run: for each view,
 * the runs of equal reader counts over the buffer ∪ the extent, ours vs NumPy enumerating
 * every index's bytes (bench/coverage_numpy.py). Rounds alternate between the sides; each
 * keeps its best of three. The run counts must agree before a time is reported.
 *
 *   npm run bench -- coverage        (writes bench/results/coverage.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { coverage } from '../src/engine/coverage';
import type { Layout } from '../src/engine/layout';
import { startPython } from './pythonServer';

interface View { name: string; view: Layout; buffer: number }
const views: View[] = [
  { name: 'seed im2col (26, 26, 3, 3) of 28×28 f4', view: { shape: [26, 26, 3, 3], strides: [112, 4, 112, 4], offset: 0, itemsize: 4 }, buffer: 3136 },
  { name: 'max-pool (32, 13, 13, 2, 2) of 32×26×26 f4', view: { shape: [32, 13, 13, 2, 2], strides: [2704, 208, 8, 104, 4], offset: 0, itemsize: 4 }, buffer: 86528 },
  { name: 'the mistake (28, 28, 3, 3) of 28×28 f4', view: { shape: [28, 28, 3, 3], strides: [112, 4, 112, 4], offset: 0, itemsize: 4 }, buffer: 3136 },
  { name: 'im2col 10^7: (1022, 1022, 3, 3) of 1024² f4', view: { shape: [1022, 1022, 3, 3], strides: [4096, 4, 4096, 4], offset: 0, itemsize: 4 }, buffer: 1024 * 1024 * 4 },
  { name: 'transpose (2048, 2048) f4 (4.2 M indices)', view: { shape: [2048, 2048], strides: [4, 8192], offset: 0, itemsize: 4 }, buffer: 2048 * 2048 * 4 },
];

function ours(v: View): { ms: number; segments: number } {
  for (let r = 0; r < 3; r++) coverage(v.view, v.buffer); // warm up the JIT
  let best = Infinity;
  let segments = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const c = coverage(v.view, v.buffer);
    if (!c.ok) throw new Error(c.error);
    segments = c.value.segments.length;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, segments };
}

async function main(): Promise<void> {
  const py = startPython([join('bench', 'coverage_numpy.py')]);
  if (!py) { process.exitCode = 1; return; }
  const numpyVersion = await py.hello;
  const rows: { view: string; indices: number; oursMs: number; numpyMs: number; speedup: number; segments: number }[] = [];
  for (const v of views) {
    const q = JSON.stringify({ shape: v.view.shape, strides: v.view.strides, offset: v.view.offset, itemsize: v.view.itemsize, buffer: v.buffer });
    const a = ours(v);
    const b = JSON.parse(await py.request(q)) as { ms: number; segments: number };
    const a2 = ours(v);
    if (a.segments !== b.segments) throw new Error(`${v.name}: ${a.segments} runs vs NumPy's ${b.segments}`);
    const oursMs = Math.min(a.ms, a2.ms);
    const indices = v.view.shape.reduce((x, n) => x * n, 1);
    rows.push({ view: v.name, indices, oursMs, numpyMs: b.ms, speedup: b.ms / oursMs, segments: a.segments });
    console.log(`${v.name.padEnd(46)} ${String(indices).padStart(9)} idx  ours ${oursMs.toFixed(2).padStart(9)} ms  NumPy ${b.ms.toFixed(2).padStart(9)} ms  ${(b.ms / oursMs).toFixed(2).padStart(6)}×  ${a.segments} runs`);
  }
  py.stop();
  const root = resolve(__dirname, '..', '..');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'coverage.json'), `${JSON.stringify({ numpy: numpyVersion, node: process.version, rows }, null, 2)}\n`);
  console.log('wrote bench/results/coverage.json');
}

void main();
