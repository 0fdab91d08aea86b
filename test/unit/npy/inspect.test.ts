import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectCaptured as run, loadExpected, NPY_DIR } from './helpers';

const expected = loadExpected();


afterEach(() => vi.restoreAllMocks());

describe('stride-lens inspect', () => {
  for (const name of ['float_f4_be.npy', 'fortran_i2_4d.npy', 'struct_nested.npy', 'zero_d_f8.npy', 'version_3_0.npy']) {
    it(`${name} --json has the documented keys with NumPy's values`, async () => {
      const e = expected.files.find((f) => f.file === name)!;
      const r = await run(join(NPY_DIR, name), '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as Record<string, unknown>;
      expect({ version: j.version, descr: j.descr, fortranOrder: j.fortranOrder, shape: j.shape, dataOffset: j.dataOffset, itemsize: j.itemsize, nbytes: j.nbytes })
        .toEqual({ version: e.version, descr: e.descr, fortranOrder: e.fortran_order, shape: e.shape, dataOffset: e.data_offset, itemsize: e.itemsize, nbytes: e.nbytes });
    });
  }

  it('text summary', async () => {
    const r = await run(join(NPY_DIR, 'fortran_i2_4d.npy'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('shape        (3, 4, 2, 5) · 120 elements');
    expect(r.out).toContain('Fortran');
    expect(r.out).toContain('strides      (2, 6, 24, 48) bytes');
  });

  for (const z of expected.npz) {
    it(`${z.file} --json lists members with their headers`, async () => {
      const r = await run(join(NPY_DIR, z.file), '--json');
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out) as { members: { name: string; compressed: boolean; shape: number[]; descr: unknown; dataOffset: number }[] };
      expect(j.members.map((m) => [m.name, m.compressed, m.shape, m.descr, m.dataOffset]))
        .toEqual(z.members.map((m) => [m.file, m.compressed, m.shape, m.descr, m.data_offset]));
    });
  }

  for (const [name, words] of [['bad_truncated_data.npy', 'needs 4\u2009000\u2009000 data bytes; the file has 3\u2009999\u2009872'], ['object.npy', 'pickle'], ['bad_magic.npy', 'magic'], ['bad_empty.npy', 'too short']] as const) {
    it(`${name}: exit 2 with the reason`, async () => {
      const r = await run(join(NPY_DIR, name));
      expect(r.code).toBe(2);
      expect(r.err).toContain(words);
      expect(r.err).toContain(name);
    });
  }

  it('usage errors exit 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('a.npy', '--frobnicate')).code).toBe(2);
    expect((await run(join(NPY_DIR, 'does-not-exist.npy'))).code).toBe(2);
  });
});
