// The slicing adapter: axis choices stay valid, and the heatmap's sampled view holds exactly
// every k-th row and column of the shown grid (same byte addresses as the full view).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cStrides, elementAddress } from '../../../src/engine/layout';
import { applyIndex, cellIndex, chooseAxis, defaultChoice, fixChoice, gridExpression, gridSize, sampledView } from '../../../webview/shared/array/slicing';

const shapeArb = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 0, maxLength: 5 });

describe('axis choice', () => {
  it('fixChoice gives distinct in-range axes and in-range indices for any shape', () => {
    fc.assert(fc.property(shapeArb, fc.integer({ min: -2, max: 6 }), fc.integer({ min: -2, max: 6 }), fc.array(fc.integer({ min: -5, max: 20 }), { maxLength: 6 }), (shape, r, c, idx) => {
      const ch = fixChoice({ rowAxis: r, colAxis: c, index: idx }, shape);
      const nd = shape.length;
      expect(ch.index.length).toBe(nd);
      ch.index.forEach((i, k) => expect(i >= 0 && i < shape[k]!).toBe(true));
      if (nd >= 2) {
        expect(ch.rowAxis !== null && ch.colAxis !== null && ch.rowAxis !== ch.colAxis).toBe(true);
        expect(ch.rowAxis! < nd && ch.colAxis! < nd).toBe(true);
      }
    }));
  });
  it('choosing the other side\'s axis swaps rows and columns', () => {
    const c = defaultChoice([3, 4, 5]);
    expect(chooseAxis(c, 'row', 2)).toMatchObject({ rowAxis: 2, colAxis: 1 });
    expect(chooseAxis(c, 'col', 0)).toMatchObject({ rowAxis: 1, colAxis: 0 });
    expect(gridExpression('', chooseAxis(c, 'row', 2), 3)).toBe('a[0, :, :].T');
    expect(gridExpression('[1]', c, 3)).toBe('a[1][0, :, :]');
    expect(gridExpression('[1, :, 2, :]', defaultChoice([4, 6]), 2)).toBe('a[1, :, 2, :]');
    expect(gridExpression('', defaultChoice([8]), 1)).toBe('a');
  });
  it('an index error comes back as an error value', () => {
    const base = { shape: [3, 4], strides: cStrides([3, 4], 4), offset: 0, itemsize: 4 };
    expect(applyIndex(base, '[5]').ok).toBe(false);
    expect(applyIndex(base, '[1, ::0]').ok).toBe(false);
    expect(applyIndex(base, '  ')).toEqual({ ok: true, value: base });
  });
});

describe('sampledView', () => {
  it('cell (i, j) of the sample is cell (i·rowStep, j·colStep) of the grid', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), (shape, mr, mc) => {
      const view = { shape, strides: cStrides(shape, 2), offset: 6, itemsize: 2 };
      const c = defaultChoice(shape);
      const s = sampledView(view, c, mr, mc);
      const { rows, cols } = gridSize(shape, c);
      expect(s.cols).toBe(Math.ceil(cols / s.colStep));
      expect(s.rows).toBeLessThanOrEqual(mr);
      expect(s.cols).toBeLessThanOrEqual(mc);
      expect(s.rows).toBe(Math.ceil(rows / s.rowStep));
      for (const [i, j] of [[0, 0], [s.rows - 1, s.cols - 1], [s.rows >> 1, s.cols >> 1]] as const) {
        const a = elementAddress(s.view, cellIndex(c, i, j));
        const b = elementAddress(view, cellIndex(c, i * s.rowStep, j * s.colStep));
        expect(a).toBe(b);
      }
    }));
  });
});
