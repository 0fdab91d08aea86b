// The statistics worker, built as esbuild builds dist/worker.js and driven through the host's
// StatsRunner: progress then NumPy's statistics; a cancelled job answers `cancelled`; a bad
// member answers with the reader's error. Never left waiting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatsRunner } from '../../../src/extension/npy/statsRunner';
import type { NpyToWebview } from '../../../src/protocol';
import { statsData } from '../../../src/worker/statsData';
import { loadExpected, NPY_DIR } from '../npy/helpers';
import { VIEWER_DIR } from './fixtures';

let dir: string;
let workerPath: string;
const log = { warn: () => undefined, error: () => undefined, info: () => undefined } as never;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stride-lens-worker-'));
  workerPath = join(dir, 'worker.js');
  await esbuild.build({ entryPoints: ['src/worker/main.ts'], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run one job and collect its messages until it ends. */
function job(runner: StatsRunner, id: number, path: string, member: string | null, cancelAfterFirst = false): Promise<NpyToWebview[]> {
  return new Promise((done) => {
    const got: NpyToWebview[] = [];
    runner.start(id, { kind: 'path', path: resolve(path), name: path.split('/').pop()! }, member, (m) => {
      got.push(m);
      if (cancelAfterFirst && got.length === 1) runner.cancel(id);
      if (m.type === 'npyStatsDone' || m.type === 'npyStatsFailed') done(got);
    });
  });
}

describe('statistics worker', () => {
  it('reports progress, then what NumPy computes', async () => {
    const want = loadExpected().files.find((f) => f.file === 'float_f4.npy') as unknown as { stats: Record<string, number> };
    const runner = new StatsRunner(workerPath, log);
    try {
      const msgs = await job(runner, 1, join(NPY_DIR, 'float_f4.npy'), null);
      const end = msgs[msgs.length - 1]!;
      if (end.type !== 'npyStatsDone') throw new Error(JSON.stringify(end));
      expect(msgs.slice(0, -1).every((m) => m.type === 'npyStatsProgress')).toBe(true);
      const s = end.stats;
      expect([s.count, s.finiteCount, s.nanCount, s.posInfCount, s.negInfCount]).toEqual([want.stats.count, want.stats.finite, want.stats.nan, want.stats.posinf, want.stats.neginf].map(String));
      expect(s.min).toBe(want.stats.min);
      expect(s.max).toBe(want.stats.max);
      expect(s.mean as number).toBeCloseTo(want.stats.mean!, 9);
      expect(s.std as number).toBeCloseTo(want.stats.std!, 7);
      expect(s.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(want.stats.finite);
      expect(s.sampled).toBe(false);
    } finally {
      runner.dispose();
    }
  });

  it('a cancelled job answers cancelled; a missing member answers with an error', async () => {
    const runner = new StatsRunner(workerPath, log);
    try {
      const msgs = await job(runner, 2, join(VIEWER_DIR, 'zeros_4096x4096_f4.npy'), null, true);
      expect(msgs[msgs.length - 1]).toMatchObject({ type: 'npyStatsFailed', id: 2, cancelled: true });
      const bad = await job(runner, 3, join(VIEWER_DIR, 'arrays.npz'), 'nope.npy');
      expect(bad[bad.length - 1]).toMatchObject({ type: 'npyStatsFailed', id: 3, cancelled: false });
      expect(JSON.stringify(bad)).toContain('nope.npy');
    } finally {
      runner.dispose();
    }
  }, 30_000);

  it('a worker that cannot start fails the job instead of leaving it waiting', async () => {
    const runner = new StatsRunner(join(dir, 'missing.js'), log);
    const msgs = await job(runner, 4, join(NPY_DIR, 'float_f4.npy'), null);
    expect(msgs[msgs.length - 1]).toMatchObject({ type: 'npyStatsFailed', id: 4, cancelled: false });
    runner.dispose();
  });

  it('statsData keeps infinities by name and int64 extremes as numbers', () => {
    const d = statsData({ count: 3, finiteCount: 1, nanCount: 1, posInfCount: 1, negInfCount: 0, min: 2n ** 62n, max: Infinity, mean: null, std: null, sampled: false });
    expect(d).toMatchObject({ count: '3', min: 2 ** 62, max: 'inf', mean: null, histogram: null });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
