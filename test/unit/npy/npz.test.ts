import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dtypeDescr } from '../../../src/engine/dtype';
import { openNpy, readPage } from '../../../src/npy/npy';
import { memorySource, type ByteSource } from '../../../src/npy/source';
import { inflateSource, inspectNpz, listNpz, openNpzMember } from '../../../src/npy/zip';
import { openFileSource } from '../../../src/node/fileSource';
import { encode, loadExpected, NPY_DIR, readAll } from './helpers';

const expected = loadExpected();

/** Wraps a source and records every range read, to prove what was (not) read. */
function counting(src: ByteSource): { src: ByteSource; bytes: () => number } {
  let n = 0;
  return {
    src: { size: src.size, read: async (o, l) => { const b = await src.read(o, l); n += b.length; return b; } },
    bytes: () => n,
  };
}

describe('.npz archives written by NumPy', () => {
  it('has stored, deflated and zip64 archives', () => expect(expected.npz.map((z) => z.file)).toEqual(['stored.npz', 'deflated.npz', 'deflated_big.npz', 'zip64.npz']));
  for (const z of expected.npz) {
    it(`${z.file}: members, headers and values match NumPy`, async () => {
      const file = openFileSource(join(NPY_DIR, z.file));
      try {
        const list = await listNpz(file, { name: z.file });
        if (!list.ok) throw new Error(list.error);
        expect(list.value.map((m) => [m.name, m.compressed])).toEqual(z.members.map((m) => [m.file, m.compressed]));
        for (const [k, m] of list.value.entries()) {
          const e = z.members[k]!;
          const s = await openNpzMember(file, m, { name: z.file });
          if (!s.ok) throw new Error(s.error);
          const arr = await openNpy(s.value, { name: `${z.file}/${m.name}` });
          if (!arr.ok) throw new Error(arr.error);
          const h = arr.value.header;
          expect({ descr: dtypeDescr(h.dtype), shape: h.shape, fortranOrder: h.fortranOrder, dataOffset: h.dataOffset })
            .toEqual({ descr: e.descr, shape: e.shape, fortranOrder: e.fortran_order, dataOffset: e.data_offset });
          expect((await readAll(arr.value)).map((v) => encode(h.dtype, v))).toEqual(e.values);
        }
      } finally {
        file.close();
      }
    });
  }

  it('lists members without reading their data', async () => {
    const bytes = readFileSync(join(NPY_DIR, 'deflated_big.npz'));
    const c = counting(memorySource(bytes));
    const r = await listNpz(c.src);
    expect(r.ok).toBe(true);
    expect(c.bytes()).toBeLessThan(70_000);
    expect(bytes.length).toBeGreaterThan(300_000);
  });

  it('reads a page from the middle of a deflated member, then one before it (restart)', async () => {
    const e = expected.npz.find((z) => z.file === 'deflated_big.npz')!.members[0]!;
    const src = memorySource(readFileSync(join(NPY_DIR, 'deflated_big.npz')));
    const list = await listNpz(src);
    if (!list.ok) throw new Error(list.error);
    const s = await openNpzMember(src, list.value[0]!);
    if (!s.ok) throw new Error(s.error);
    const arr = await openNpy(s.value);
    if (!arr.ok) throw new Error(arr.error);
    const [rows, cols] = e.shape as [number, number];
    for (const [r0, c0] of [[500, 600], [10, 20], [599, 0]] as const) {
      const p = await readPage(arr.value, { rowAxis: 0, colAxis: 1, index: [0, 0], rowStart: r0, rowCount: 7, colStart: c0, colCount: 9 });
      if (!p.ok) throw new Error(p.error);
      const want: unknown[] = [];
      for (let i = r0; i < Math.min(rows, r0 + 7); i++) for (let j = c0; j < Math.min(cols, c0 + 9); j++) want.push(e.values![i * cols + j]);
      expect(p.value.values).toEqual(want);
    }
  });

  it('inspectNpz gives every header or its error', async () => {
    const src = openFileSource(join(NPY_DIR, 'deflated.npz'));
    const r = await inspectNpz(src, { name: 'deflated.npz' });
    src.close();
    if (!r.ok) throw new Error(r.error);
    expect(r.value.map((m) => m.header?.shape)).toEqual(expected.npz[1]!.members.map((m) => m.shape));
  });

  it('refuses what is not a zip, naming the file', async () => {
    const r = await listNpz(memorySource(new Uint8Array(100)), { name: 'x.npz' });
    expect(r).toEqual({ ok: false, error: 'x.npz: not a zip archive: no end-of-central-directory record' });
  });
});

describe('inflateSource', () => {
  /** 3 MB of varied bytes, deflated by fflate (raw deflate, as in a zip). */
  async function make(): Promise<{ plain: Uint8Array; compressed: Uint8Array }> {
    const { deflateSync } = await import('fflate');
    // Half noise (xorshift), half runs: compresses, but not into one push.
    let x = 2463534242;
    const plain = Uint8Array.from({ length: 3_000_000 }, (_, k) => {
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
      return (k >> 12) % 2 ? (x >>> 0) & 0xff : (k >> 8) & 0xff;
    });
    return { plain, compressed: deflateSync(plain) };
  }

  it('random reads, forward and backward, give the inflated bytes (small window: restarts)', async () => {
    const { plain, compressed } = await make();
    let compressedRead = 0;
    const base = memorySource(compressed);
    const counted: ByteSource = { size: base.size, read: async (o, l) => { const b = await base.read(o, l); compressedRead += b.length; return b; } };
    const src = inflateSource(counted, plain.length, { keepBehind: 64 * 1024, wholeMember: 0 });
    for (const [o, l] of [[2_500_000, 1000], [10, 50], [2_999_990, 100], [1_000_000, 300_000], [999_999, 2]] as const) {
      const got = await src.read(o, l);
      expect(Array.from(got), `${o}+${l}`).toEqual(Array.from(plain.subarray(o, Math.min(plain.length, o + l))));
    }
    // Backward reads past the 64 KiB window restarted the stream: more than one pass was read.
    expect(compressedRead).toBeGreaterThanOrEqual(compressed.length * 2);
  });

  it('a member kept whole never restarts', async () => {
    const { plain, compressed } = await make();
    let compressedRead = 0;
    const base = memorySource(compressed);
    const counted: ByteSource = { size: base.size, read: async (o, l) => { const b = await base.read(o, l); compressedRead += b.length; return b; } };
    const src = inflateSource(counted, plain.length);
    for (const [o, l] of [[2_900_000, 1000], [10, 50], [1_500_000, 10]] as const) {
      expect(Array.from(await src.read(o, l))).toEqual(Array.from(plain.subarray(o, o + l)));
    }
    expect(compressedRead).toBeLessThanOrEqual(compressed.length); // one pass at most
  });

  it('a corrupt stream gives an error, not garbage', async () => {
    const { plain, compressed } = await make();
    const bad = compressed.slice();
    bad.fill(0xff, 100, 400);
    const src = inflateSource(memorySource(bad), plain.length);
    await expect(src.read(2_000_000, 10)).rejects.toThrow(/corrupt deflate stream|invalid/);
  });
});
