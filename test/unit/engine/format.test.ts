// NumPy's str() of scalars of every kind (ground truth: scripts/fixtures/viewer.py) and the float helpers behind it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDtype } from '../../../src/engine/dtype';
import { formatFloat, formatScalar, roundToHalf } from '../../../src/engine/format';
import { decodeScalar, halfToNumber } from '../../../src/engine/gather';
import { loadViewerTruth } from '../viewer/fixtures';

const truth = loadViewerTruth();

function hexBytes(hex: string): Uint8Array {
  return new Uint8Array(hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
}

describe('formatScalar', () => {
  it.each(truth.scalars.map((s) => [JSON.stringify(s.dtype), s.hex, s.text] as const))('%s %s prints as NumPy: %s', (dtype, hex, text) => {
    const d = parseDtype(JSON.parse(dtype) as Parameters<typeof parseDtype>[0]);
    if (!d.ok) throw new Error(d.error);
    expect(formatScalar(d.value, decodeScalar(d.value, hexBytes(hex), 0))).toBe(text);
  });
});

describe('formatFloat', () => {
  it('reads back to the same float64 (shortest round trip)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const t = formatFloat(x, 8);
      expect(Object.is(Number(t), x) || (x === 0 && Number(t) === 0)).toBe(true);
    }));
  });
  it('reads back to the same float32', () => {
    fc.assert(fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Math.fround(Number(formatFloat(x, 4)))).toBe(x);
    }));
  });
});

describe('roundToHalf', () => {
  it('is idempotent and maps float16 values to themselves', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7bff }), (bits) => {
      const e = bits >> 10;
      const m = bits & 0x3ff;
      const x = e === 0 ? m * 2 ** -24 : (1 + m / 1024) * 2 ** (e - 15);
      expect(roundToHalf(x)).toBe(x);
      expect(roundToHalf(roundToHalf(x * 1.0001))).toBe(roundToHalf(x * 1.0001));
    }));
  });
  it('rounds as NumPy casts to float16: exact ties to even, the doubles beside them, overflow to inf', () => {
    const { x, bits } = truth.halves;
    expect(x.length).toBeGreaterThan(30000);
    const wrong = x.map((v, k) => [v, halfToNumber(bits[k]!), roundToHalf(v)] as const).filter(([, want, got]) => !Object.is(want, got));
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
