// `stride-lens bench` (src/cli/bench.ts): arguments, the documented JSON keys, the text table.
import { describe, expect, it } from 'vitest';
import { formatRun, parseBenchArgs, runJson } from '../../../src/cli/bench';
import type { BenchResult, BenchRun } from '../../../src/bench/types';

function parsed(args: string[]) {
  const o = parseBenchArgs(args);
  if (o === 'help' || 'error' in o) throw new Error(JSON.stringify(o));
  return o;
}

describe('parseBenchArgs', () => {
  it('runs every suite at the seed sizes by default', () => {
    expect(parsed([]).runs.map((r) => `${r.suite} ${r.size}`)).toEqual(['conv2d 28x28x1/32', 'maxpool 32x26x26', 'transpose 4096x4096', 'window 1048576/64']);
  });
  it('takes one suite at a size of its own, and presets for all', () => {
    expect(parsed(['--suite', 'transpose', '--size=1000x300']).runs).toEqual([{ suite: 'transpose', size: '1000x300', p: { rows: 1000, cols: 300 } }]);
    expect(parsed(['--size', 'large']).runs.map((r) => r.size)).toEqual(['224x224x3/64', '64x112x112', '8192x8192', '16777216/256']);
    expect(parsed(['--no-numpy']).python).toBeNull();
    expect(parsed(['--python', 'py3']).python).toBe('py3');
  });
  it.each([
    [['--suite', 'fft'], /--suite 'fft' is not one of/],
    [['--size', '100x100'], /with --suite all/],
    [['--suite', 'maxpool', '--size', '3x5x5'], /must be even/],
    [['--suite', 'transpose', '--size', '100000x100000'], /at most 268435456/],
    [['--suite', 'window', '--size', '5/9'], /at most the signal's length/],
    [['--suite', 'conv2d', '--size', '2x2'], /at least 3/],
    [['--budget-ms', '-4'], /not a positive whole number/],
    [['--suite'], /--suite needs a value/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('%j is refused: %s', (args, message) => {
    const o = parseBenchArgs(args);
    expect(o !== 'help' && 'error' in o ? o.error : '').toMatch(message);
  });
});

const result = (r: Partial<BenchResult>): BenchResult => ({
  suite: 'transpose', variant: 'copy (baseline)', size: '64x64', computes: 'copy', medianMs: 1, minMs: 0.9, maxMs: 1.2, iqrMs: 0.1,
  samplesMs: [0.9, 1, 1.2], gbPerS: 2, gflops: null, fractionOfCopy: 1, verified: true, note: null, engine: 'node', ...r,
});
const run: BenchRun = {
  version: 1, startedAt: '2026-12-03T00:00:00.000Z', copyGbPerS: 2, cancelled: false,
  machine: { cpu: 'CPU', cores: 2, node: 'v20', platform: 'linux x64', threads: 1, numpy: null, numpyMessage: 'no NumPy' },
  results: [
    result({}),
    result({ variant: 'numpy:a.T.copy()', computes: 'transpose', engine: 'numpy', gbPerS: 0.5, fractionOfCopy: 0.25 }),
    result({ suite: 'conv2d', variant: 'loops', size: '28x28x1/32', computes: 'conv', gbPerS: null, gflops: 1.5, fractionOfCopy: null }),
    result({ variant: 'blocked', computes: 'transpose', verified: false, medianMs: null, minMs: null, maxMs: null, iqrMs: null, samplesMs: [], gbPerS: null, fractionOfCopy: null, note: 'not verified, not timed: differs' }),
  ],
};

describe('bench output', () => {
  it('--json has exactly the documented keys per result', () => {
    const j = runJson(run);
    expect(Object.keys(j)).toEqual(['machine', 'results']);
    const base = ['suite', 'variant', 'size', 'medianMs', 'minMs', 'maxMs', 'iqrMs'];
    expect(Object.keys(j.results[0]!)).toEqual([...base, 'gbPerS', 'fractionOfCopy', 'verified']);
    expect(Object.keys(j.results[2]!)).toEqual([...base, 'gflops', 'fractionOfCopy', 'verified']);
    expect(j.results[3]).toMatchObject({ verified: false, medianMs: null });
  });
  it('the table names the machine, each suite, the throughput and the unverified variant with its reason', () => {
    const text = formatRun(run);
    expect(text).toContain('machine: CPU, 2 cores');
    expect(text).toContain('NumPy: no NumPy');
    expect(text).toMatch(/transpose 64x64\n/);
    expect(text).toMatch(/numpy:a\.T\.copy\(\) .* 0\.50 GB\/s +25 % +yes/);
    expect(text).toMatch(/loops .* 1\.50 GFLOP\/s +- +yes/);
    expect(text).toMatch(/blocked .* NO/);
    expect(text).toContain('note: blocked: not verified, not timed: differs');
  });
});
