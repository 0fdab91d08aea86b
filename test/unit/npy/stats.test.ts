import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNpy } from '../../../src/npy/npy';
import { computeStats } from '../../../src/npy/stats';
import { openFileSource } from '../../../src/node/fileSource';
import { loadExpected, NPY_DIR } from './helpers';

interface ExpectedStats {
  count: number; finite: number; nan: number; posinf: number; neginf: number;
  min?: number | string; max?: number | string; mean?: number; std?: number; hist_counts?: number[]; hist_edges?: number[];
}

const files = loadExpected().files.filter((f) => (f as { stats?: unknown }).stats && !f.file.startsWith('bad_'));

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}

describe('statistics against NumPy', () => {
  it('covers every numeric family', () => expect(files.length).toBeGreaterThan(25));
  for (const f of files) {
    const want = (f as unknown as { stats: ExpectedStats }).stats;
    for (const chunkBytes of [64, 8 * 1024 * 1024]) {
      it(`${f.file} (chunks of ${chunkBytes} B)`, async () => {
        const src = openFileSource(join(NPY_DIR, f.file));
        const arr = await openNpy(src, { name: f.file });
        if (!arr.ok) throw new Error(arr.error);
        const r = await computeStats(arr.value, { chunkBytes, bins: 10 });
        src.close();
        if (!r.ok) throw new Error(r.error);
        const s = r.value;
        expect([s.count, s.finiteCount, s.nanCount, s.posInfCount, s.negInfCount]).toEqual([want.count, want.finite, want.nan, want.posinf, want.neginf]);
        if (want.min === undefined) { expect(s.min).toBeNull(); return; }
        expect(typeof s.min === 'bigint' ? s.min.toString() : s.min).toEqual(want.min);
        expect(typeof s.max === 'bigint' ? s.max.toString() : s.max).toEqual(want.max);
        expect(close(s.mean!, want.mean!), `mean ${s.mean} vs ${want.mean}`).toBe(true);
        expect(close(s.std!, want.std!), `std ${s.std} vs ${want.std}`).toBe(true);
        if (want.hist_counts) {
          expect(s.histogram?.counts).toEqual(want.hist_counts);
          s.histogram!.edges.forEach((e, k) => expect(close(e, want.hist_edges![k]!)).toBe(true));
        }
        expect(s.sampled).toBe(false);
      });
    }
  }

  it('cancels between chunks', async () => {
    const src = openFileSource(join(NPY_DIR, 'big_200x300_f4.npy'));
    const arr = await openNpy(src, { name: 'big.npy' });
    if (!arr.ok) throw new Error(arr.error);
    const signal = { aborted: false };
    const progress: number[] = [];
    const r = await computeStats(arr.value, { chunkBytes: 4096, signal, onProgress: (p) => { progress.push(p); if (p > 0.3) signal.aborted = true; } });
    src.close();
    expect(r).toEqual({ ok: false, error: 'big.npy: statistics cancelled' });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.length).toBeLessThan(30);
  });

  it('refuses dtypes without statistics', async () => {
    const src = openFileSource(join(NPY_DIR, 'str_U3.npy'));
    const arr = await openNpy(src, { name: 'str_U3.npy' });
    if (!arr.ok) throw new Error(arr.error);
    const r = await computeStats(arr.value);
    src.close();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('<U3');
  });
});
