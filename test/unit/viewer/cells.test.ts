// The viewer's JSON-safe cells: texts are the engine's formatScalar (tested in test/unit/engine/format.test.ts), colour values here.
import { describe, expect, it } from 'vitest';
import { parseDtype } from '../../../src/engine/dtype';
import { encodePage, scalarValue } from '../../../src/npy/cells';

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
