// readPage through views: the 400 NumPy views of the gather fixtures, each buffer wrapped as
// a 1-d .npy, read with `view` layouts (negative steps, transposes) through the reader's
// range merging — the values must be NumPy's.
import { describe, expect, it } from 'vitest';
import { descrToPython, dtypeDescr, parseDtype, type DescrList } from '../../../src/engine/dtype';
import type { PageSpec } from '../../../src/engine/gather';
import { MAGIC } from '../../../src/npy/format';
import { openNpy, readPage } from '../../../src/npy/npy';
import { memorySource } from '../../../src/npy/source';
import { loadFixture } from '../fixtures';
import { encode } from './helpers';

interface Case { dtype: string | DescrList; buffer: string; shape: number[]; strides: number[]; offset: number; page: PageSpec; values: unknown[] }

function load(): Case[] {
  return loadFixture<{ cases: Case[] }>('dtype_gather.json').cases;
}

/** A version 1.0 .npy of `data` as a 1-d array of `descr` (the header as NumPy writes it). */
function npyBytes(descr: string, count: number, data: Uint8Array): Uint8Array {
  let h = `{'descr': ${descr}, 'fortran_order': False, 'shape': (${count},), }`;
  const total = Math.ceil((10 + h.length + 1) / 64) * 64;
  h = h.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + data.length);
  out.set([...MAGIC, 1, 0, h.length & 0xff, h.length >> 8]);
  for (let k = 0; k < h.length; k++) out[10 + k] = h.charCodeAt(k);
  out.set(data, total);
  return out;
}

describe('readPage through NumPy views', () => {
  load().forEach((c, k) => {
    it(`case ${k}: strides (${c.strides.join(', ')}) offset ${c.offset}`, async () => {
      const d = parseDtype(c.dtype);
      if (!d.ok) throw new Error(d.error);
      const data = Uint8Array.from(c.buffer.match(/../g) ?? [], (x) => parseInt(x, 16));
      const count = d.value.itemsize ? data.length / d.value.itemsize : 0;
      const arr = await openNpy(memorySource(npyBytes(descrToPython(dtypeDescr(d.value)), count, data)), { name: `case${k}.npy` });
      if (!arr.ok) throw new Error(arr.error);
      const view = { shape: c.shape, strides: c.strides, offset: c.offset, itemsize: d.value.itemsize };
      const p = await readPage(arr.value, c.page, view);
      if (!p.ok) throw new Error(p.error);
      expect(p.value.values.map((v) => encode(d.value, v))).toEqual(c.values);
    });
  });

  it('a view that reads outside the data is refused, naming the bytes', async () => {
    const data = new Uint8Array(16);
    const arr = await openNpy(memorySource(npyBytes("'<f4'", 4, data)), { name: 'x.npy' });
    if (!arr.ok) throw new Error(arr.error);
    const r = await readPage(arr.value, { rowAxis: null, colAxis: 0, index: [0], rowStart: 0, rowCount: 1, colStart: 0, colCount: 3 }, { shape: [3], strides: [8], offset: 0, itemsize: 4 });
    expect(r).toEqual({ ok: false, error: 'x.npy: the view reads bytes 16…20 outside the 16 data bytes' });
  });
});
