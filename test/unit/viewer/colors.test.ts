// Colour mapping: CSS colours parse, the ramp runs from the first stop to the last, and NaN,
// +inf and −inf get their own colours whatever the range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorOf, finiteRange, parseColor, rampColor, textOn, type ColorMap } from '../../../webview/shared/array/colors';

const map: ColorMap = { stops: [[0, 0, 255], [0, 255, 0], [255, 255, 0]], nan: [128, 0, 128], posInf: [255, 0, 0], negInf: [200, 200, 200] };

describe('parseColor', () => {
  it('reads the forms computed styles give', () => {
    expect(parseColor('#3794ff')).toEqual([0x37, 0x94, 0xff]);
    expect(parseColor(' #3794FFcc ')).toEqual([0x37, 0x94, 0xff]);
    expect(parseColor('#abc')).toEqual([0xaa, 0xbb, 0xcc]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('rgba(10 20 30 / 0.5)')).toEqual([10, 20, 30]);
    expect(parseColor('')).toBeNull();
    expect(parseColor('var(--x)')).toBeNull();
  });
});

describe('colorOf', () => {
  it('maps lo and hi to the ends of the ramp and clamps outside', () => {
    expect(colorOf(0, 0, 10, map)).toEqual(map.stops[0]);
    expect(colorOf(10, 0, 10, map)).toEqual(map.stops[2]);
    expect(colorOf(5, 0, 10, map)).toEqual(map.stops[1]);
    expect(colorOf(-99, 0, 10, map)).toEqual(map.stops[0]);
    expect(colorOf(99, 0, 10, map)).toEqual(map.stops[2]);
  });
  it('gives NaN, +inf and −inf their own colours for any range; null for no number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (lo, hi) => {
      expect(colorOf('nan', lo, hi, map)).toEqual(map.nan);
      expect(colorOf('inf', lo, hi, map)).toEqual(map.posInf);
      expect(colorOf('-inf', lo, hi, map)).toEqual(map.negInf);
      expect(colorOf(null, lo, hi, map)).toBeNull();
    }));
  });
  it('ramp colours stay between their neighbouring stops', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => {
      const c = rampColor(map.stops, t);
      c.forEach((x) => expect(x >= 0 && x <= 255 && Number.isInteger(x)).toBe(true));
      // Blue falls over the first half and stays 0 after the middle stop, then red rises.
      if (t <= 0.5) expect(c[0]).toBe(0);
      else expect(c[2]).toBe(0);
    }));
  });
});

describe('finiteRange and textOn', () => {
  it('ignores NaN, infinities and missing numbers', () => {
    expect(finiteRange(['nan', 3, 'inf', -1, null, '-inf'])).toEqual({ lo: -1, hi: 3 });
    expect(finiteRange(['nan', null])).toBeNull();
  });
  it('picks dark text on light colours and light text on dark ones', () => {
    expect(textOn([255, 255, 200])).toEqual([0, 0, 0]);
    expect(textOn([10, 10, 60])).toEqual([255, 255, 255]);
  });
});
