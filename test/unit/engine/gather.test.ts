import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDtype, type DescrList } from '../../../src/engine/dtype';
import { displayPage, formatScalar } from '../../../src/engine/format';
import { gatherPage, halfToNumber, pageAddresses, type PageSpec } from '../../../src/engine/gather';
import { cStrides } from '../../../src/engine/layout';
import { loadFixture } from '../fixtures';
import { encode } from '../npy/helpers';

interface Case { dtype: string | DescrList; buffer: string; shape: number[]; strides: number[]; offset: number; page: PageSpec; values: unknown[]; texts: string[] | null }

function load(): Case[] {
  return loadFixture<{ cases: Case[] }>('dtype_gather.json').cases;
}

function hex(s: string): Uint8Array {
  const b = new Uint8Array(s.length / 2);
  for (let k = 0; k < b.length; k++) b[k] = parseInt(s.slice(2 * k, 2 * k + 2), 16);
  return b;
}

describe('gatherPage against NumPy views', () => {
  const cases = load();
  it('has many cases', () => expect(cases.length).toBeGreaterThan(300));
  cases.forEach((c, k) => {
    it(`case ${k}: ${JSON.stringify(c.dtype)} shape (${c.shape.join(', ')}) strides (${c.strides.join(', ')}) offset ${c.offset}`, () => {
      const d = parseDtype(c.dtype);
      if (!d.ok) throw new Error(d.error);
      const bytes = hex(c.buffer);
      const r = gatherPage({ shape: c.shape, strides: c.strides, offset: c.offset, itemsize: d.value.itemsize }, d.value, c.page, (a) => [bytes, a]);
      if (!r.ok) throw new Error(r.error);
      expect(r.value.values.map((v) => encode(d.value, v))).toEqual(c.values);
      if (c.texts && d.value.str !== '<f16') {
        // NumPy's str() of each scalar (long double is left out: a number holds only its float64 digits).
        r.value.values.forEach((v, k) => expect(formatScalar(d.value, v), `element ${k}`).toBe(c.texts![k]!));
      }
    });
  });
});

describe('gather invariants', () => {
  it('float16: every bit pattern decodes like the float32 it widens to', () => {
    // Independent check: build the float32 bit pattern by the widening rule and let DataView decode it.
    const dv = new DataView(new ArrayBuffer(4));
    for (let h = 0; h < 65536; h++) {
      const sign = (h & 0x8000) << 16;
      const exp = (h >> 10) & 0x1f;
      const frac = h & 0x3ff;
      let want: number;
      if (exp === 0) want = (sign ? -1 : 1) * frac * 2 ** -24;
      else {
        dv.setUint32(0, sign | ((exp === 31 ? 255 : exp - 15 + 127) << 23) | (frac << 13));
        want = dv.getFloat32(0);
      }
      expect(Object.is(halfToNumber(h), want) || (Number.isNaN(want) && Number.isNaN(halfToNumber(h))), `0x${h.toString(16)}`).toBe(true);
    }
  });

  it('page addresses are the element addresses of the layout', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }), fc.integer({ min: 1, max: 8 }), fc.nat(), (shape, itemsize, seed) => {
      const strides = cStrides(shape, itemsize);
      const nd = shape.length;
      const row = seed % nd;
      const col = (row + 1 + (seed % (nd - 1))) % nd;
      const spec: PageSpec = { rowAxis: row, colAxis: col, index: shape.map((n) => n - 1), rowStart: 0, rowCount: shape[row]!, colStart: 0, colCount: shape[col]! };
      const r = pageAddresses({ shape, strides, offset: 3, itemsize }, spec);
      if (!r.ok) throw new Error(r.error);
      for (let i = 0; i < shape[row]!; i++) for (let j = 0; j < shape[col]!; j++) {
        const idx = shape.map((n) => n - 1);
        idx[row] = i;
        idx[col] = j;
        expect(r.value[i * shape[col]! + j]).toBe(3 + idx.reduce((a, x, k) => a + x * strides[k]!, 0));
      }
    }), { seed: 7, numRuns: 200 });
  });

  it('displayPage: texts and numbers line up with the values, no bigints', () => {
    const d = parseDtype('>i8');
    if (!d.ok) throw new Error(d.error);
    const bytes = new Uint8Array(16);
    bytes[7] = 5;
    bytes.fill(0xff, 8, 16);
    const p = gatherPage({ shape: [2], strides: [8], offset: 0, itemsize: 8 }, d.value, { rowAxis: null, colAxis: 0, index: [0], rowStart: 0, rowCount: 1, colStart: 0, colCount: 2 }, (a) => [bytes, a]);
    if (!p.ok) throw new Error(p.error);
    const shown = displayPage(d.value, p.value);
    expect(shown.texts).toEqual(['5', '-1']);
    expect(Array.from(shown.numbers)).toEqual([5, -1]);
    expect(() => JSON.stringify(shown.texts)).not.toThrow();
  });

  it('refuses pages that do not fit, naming the bad value', () => {
    const l = { shape: [3, 4], strides: [16, 4], offset: 0, itemsize: 4 };
    const r = pageAddresses(l, { rowAxis: 0, colAxis: 5, index: [0, 0], rowStart: 0, rowCount: 1, colStart: 0, colCount: 1 });
    expect(r).toEqual({ ok: false, error: 'colAxis 5 is not an axis of a 2-d array' });
  });
});
