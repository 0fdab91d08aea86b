// Laziness: a (virtual) 1.44 TB .npy opens by reading its header only, and a page reads only
// the bytes of its elements. The source makes bytes on demand and counts what is read.
import { describe, expect, it } from 'vitest';
import { MAGIC } from '../../../src/npy/format';
import { openNpy, readPage } from '../../../src/npy/npy';
import type { ByteSource } from '../../../src/npy/source';

const N = 600_000; // N × N float32 = 1.44e12 bytes

/** A .npy whose element i (flat, C order) is the float32 `i % 1000003`, never stored anywhere. */
function virtualNpy(fortran: boolean): { src: ByteSource; read: () => number; header: number } {
  let h = `{'descr': '<f4', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${N}, ${N}), }`;
  h = h.padEnd(128 - 10 - 1, ' ') + '\n';
  const head = new Uint8Array(10 + h.length);
  head.set([...MAGIC, 1, 0, h.length & 0xff, h.length >> 8]);
  for (let k = 0; k < h.length; k++) head[10 + k] = h.charCodeAt(k);
  const size = head.length + N * N * 4;
  let read = 0;
  const dv = new DataView(new ArrayBuffer(4));
  const byteAt = (o: number): number => {
    if (o < head.length) return head[o]!;
    const e = Math.floor((o - head.length) / 4);
    dv.setFloat32(0, e % 1000003, true);
    return dv.getUint8((o - head.length) % 4);
  };
  return {
    header: head.length,
    read: () => read,
    src: {
      size,
      read: (offset, length) => {
        const n = Math.max(0, Math.min(length, size - offset));
        read += n;
        return Promise.resolve(Uint8Array.from({ length: n }, (_, k) => byteAt(offset + k)));
      },
    },
  };
}

describe('lazy reading', () => {
  for (const fortran of [false, true]) {
    it(`a 1.44 TB ${fortran ? 'Fortran' : 'C'}-order file: header only on open, page bytes only on read`, async () => {
      const v = virtualNpy(fortran);
      const arr = await openNpy(v.src, { name: 'huge.npy' });
      if (!arr.ok) throw new Error(arr.error);
      expect(arr.value.header.nbytes).toBe(BigInt(N) * BigInt(N) * 4n);
      expect(v.read()).toBe(v.header);
      const r0 = 123_456;
      const c0 = 500_000;
      const p = await readPage(arr.value, { rowAxis: 0, colAxis: 1, index: [0, 0], rowStart: r0, rowCount: 20, colStart: c0, colCount: 30 });
      if (!p.ok) throw new Error(p.error);
      // Merged ranges may include small gaps, never more than a few KiB per row or column.
      expect(v.read() - v.header).toBeLessThan(30 * 20 * 4 + (fortran ? 30 : 20) * 4096);
      const flat = (i: number, j: number): number => (fortran ? j * N + i : i * N + j);
      const want: number[] = [];
      for (let i = r0; i < r0 + 20; i++) for (let j = c0; j < c0 + 30; j++) want.push(Math.fround(flat(i, j) % 1000003));
      expect(p.value.values).toEqual(want);
    });
  }
});
