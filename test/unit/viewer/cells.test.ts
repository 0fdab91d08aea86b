// Cell texts are what NumPy prints for each scalar (str(x)), for floats of every width, ints, bools, complex.
import { describe, expect, it } from 'vitest';
import { parseDtype } from '../../../src/engine/dtype';
import { decodeScalar } from '../../../src/engine/gather';
import { encodePage, floatText, roundToHalf, scalarText, scalarValue } from '../../../src/extension/npy/cells';
import fc from 'fast-check';
import { loadViewerTruth } from './fixtures';

const truth = loadViewerTruth();

function hexBytes(hex: string): Uint8Array {
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

describe('scalarText', () => {
  it.each(truth.scalars.map((s) => [JSON.stringify(s.dtype), s.hex, s.text] as const))('%s %s prints as NumPy: %s', (dtype, hex, text) => {
    const d = parseDtype(JSON.parse(dtype) as Parameters<typeof parseDtype>[0]);
    if (!d.ok) throw new Error(d.error);
    expect(scalarText(decodeScalar(d.value, hexBytes(hex), 0), d.value)).toBe(text);
  });
});

describe('floatText', () => {
  it('reads back to the same float64 (shortest round trip)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const t = floatText(x, 64);
      expect(Object.is(Number(t), x) || (x === 0 && Number(t) === 0)).toBe(true);
    }));
  });
  it('reads back to the same float32', () => {
    fc.assert(fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Math.fround(Number(floatText(x, 32)))).toBe(x);
    }));
  });
  it('roundToHalf is idempotent and maps float16 values to themselves', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7bff }), (bits) => {
      const e = bits >> 10;
      const m = bits & 0x3ff;
      const x = e === 0 ? m * 2 ** -24 : (1 + m / 1024) * 2 ** (e - 15);
      expect(roundToHalf(x)).toBe(x);
      expect(roundToHalf(roundToHalf(x * 1.0001))).toBe(roundToHalf(x * 1.0001));
    }));
  });
});

describe('scalarValue and encodePage', () => {
  it('names NaN and the infinities (JSON has none) and keeps finite numbers', () => {
    const f8 = parseDtype('<f8');
    if (!f8.ok) throw new Error(f8.error);
    const page = encodePage({ rowStart: 0, colStart: 0, rows: 1, cols: 4, values: [NaN, Infinity, -Infinity, 1.5] }, f8.value);
    expect(page.values).toEqual(['nan', 'inf', '-inf', 1.5]);
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
    expect(encodePage({ rowStart: 0, colStart: 0, rows: 1, cols: 1, values: [1] }, f8.value, false).texts).toEqual([]);
  });
  it('turns int64 bigints into numbers and has no number for strings', () => {
    const i8 = parseDtype('<i8');
    const u = parseDtype('<U3');
    if (!i8.ok || !u.ok) throw new Error('dtype');
    expect(scalarValue(2n ** 62n, i8.value)).toBe(2 ** 62);
    expect(scalarValue('abc', u.value)).toBeNull();
  });
});
