import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cStrides, elementAddress, type Layout } from '../../../src/engine/layout';
import { decompose, explainView } from '../../../src/engine/explain';
import { analyzeLayout } from '../../../src/engine/report';
import { slidingWindowView, windowView } from '../../../src/engine/views';
import { indices } from './indices';


const ok = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

// A C-ordered source of 1–3 dimensions and a random as_strided view over it whose strides are
// whole steps of the source strides.
const scenario = fc.record({
  shape: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
  itemsize: fc.constantFrom(1, 4, 8),
  view: fc.array(fc.record({ n: fc.integer({ min: 1, max: 4 }), coeffs: fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 3, maxLength: 3 }) }), { maxLength: 4 }),
  start: fc.array(fc.nat(5), { minLength: 3, maxLength: 3 }),
});

describe('stride explanations', () => {
  it('each decomposition adds back up to the stride', () => {
    fc.assert(fc.property(fc.integer({ min: -500, max: 500 }), fc.array(fc.integer({ min: -60, max: 60 }), { maxLength: 4 }), (v, strides) => {
      const t = decompose(v, strides);
      if (t) expect(t.reduce((sum, x) => sum + x.steps * strides[x.axis]!, 0)).toBe(v);
    }));
  });

  it('the required shape is the smallest source that holds every element at its intended index', () => {
    fc.assert(fc.property(scenario, ({ shape, itemsize, view, start }) => {
      const src = cStrides(shape, itemsize);
      const nd = shape.length;
      const v: Layout = {
        shape: view.map((d) => d.n),
        strides: view.map((d) => d.coeffs.slice(0, nd).reduce((s, c, k) => s + c * src[k]!, 0)),
        offset: start.slice(0, nd).reduce((s, c, k) => s + Math.min(c, shape[k]! - 1) * src[k]!, 0),
        itemsize,
      };
      const e = ok(explainView(v, { name: 'x', shape, strides: src, itemsize }));
      // Brute force: the intended source index of each element is start + Σ i·terms.
      const reach = shape.map(() => [Infinity, -Infinity]);
      for (const i of indices(v.shape)) {
        const at = [...e.start!];
        i.forEach((x, d) => e.dims[d]!.terms!.forEach((t) => { at[t.axis]! += x * t.steps; }));
        at.forEach((a, k) => { reach[k] = [Math.min(reach[k]![0]!, a), Math.max(reach[k]![1]!, a)]; });
        expect(at.reduce((s, a, k) => s + a * src[k]!, 0)).toBe(Number(elementAddress(v, i)));
      }
      const fits = reach.every(([lo, hi], k) => lo! >= 0 && hi! < shape[k]!);
      expect(e.overruns.length === 0).toBe(fits);
      if (reach.every(([lo]) => lo! >= 0)) expect(e.requiredShape).toEqual(reach.map(([, hi]) => hi! + 1));
      for (const o of e.overruns) {
        expect([o.low, o.high]).toEqual(reach[o.axis]);
        const fitsBuffer = [...indices(v.shape)].every((i) => {
          const a = Number(elementAddress(v, i));
          return a >= 0 && a + itemsize <= shape.reduce((p, n) => p * n, itemsize);
        });
        expect(o.insideBuffer).toBe(fitsBuffer);
      }
    }), { numRuns: 500 });
  });

  it('a full sliding_window_view needs exactly its source and never wraps', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }), (shape, win) => {
      const src: Layout = { shape, strides: cStrides(shape, 4), offset: 0, itemsize: 4 };
      const w = win.slice(0, shape.length).map((x, k) => Math.min(x, shape[k]!));
      const v = ok(slidingWindowView(src, w));
      const e = ok(explainView(v, { shape: null, strides: src.strides, itemsize: 4 }));
      expect(e.requiredShape).toEqual(shape);
      expect(ok(explainView(v, { shape, strides: src.strides, itemsize: 4 })).overruns).toEqual([]);
    }));
  });

  it('the seed’s conv2d windows, one column too many, wrap into the next row inside the buffer', () => {
    const image: Layout = { shape: [28, 28], strides: cStrides([28, 28], 4), offset: 0, itemsize: 4 };
    const good = ok(windowView(image, { kernel: [3, 3] }));
    const wide: Layout = { ...good, shape: [good.shape[0]! - 1, good.shape[1]! + 1, 3, 3] };
    const e = ok(explainView(wide, { name: 'image', shape: image.shape, strides: image.strides, itemsize: 4 }));
    expect(e.overruns.map((o) => [o.axis, o.insideBuffer])).toEqual([[1, true]]);
    expect(e.overruns[0]!.text).toContain('wrap past the end of a row into the next row');
    expect(e.dims[0]!.text).toBe(`s[0] = 1 row of image = ${image.strides[0]} B`);
  });

  it('fills DimReport.explanation in the layout report when a source is given', () => {
    const image: Layout = { shape: [28, 28], strides: cStrides([28, 28], 4), offset: 0, itemsize: 4 };
    const pool = ok(windowView(image, { kernel: [2, 2], stride: [2, 2] }));
    const r = ok(analyzeLayout({ ...pool, source: { name: 'image', shape: null, strides: image.strides, itemsize: 4 } }));
    expect(r.dims.map((d) => d.explanation)).toEqual(ok(explainView(pool, { name: 'image', shape: null, strides: image.strides, itemsize: 4 })).dims.map((d) => d.text));
    expect(r.explanation?.requirement).toBe(`needs image.shape ≥ (${image.shape.join(', ')})`);
  });
});
