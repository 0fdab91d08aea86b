// Coverage, readers and window geometry against NumPy's and PyTorch's own enumeration of the
// bytes each view reads (scripts/fixtures/engine_coverage.py), and against a brute force in
// TypeScript on random views (property tests, including the aggregated form).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addresses, baseReaders, coverage, readersOf, readersOfBaseElement, windowGeometry, windowPixels } from '../../../src/engine/coverage';
import type { Layout } from '../../../src/engine/layout';
import { loadFixture } from '../fixtures';

interface Case {
  shape: number[]; strides: number[]; offset: number; itemsize: number; buffer: number; unit: 'bytes' | 'elements';
  range: [number, number]; segments: [number, number, number][]; baseShape?: number[]; baseReaders?: number[];
  probes: { at: number; readers: number[][] }[];
}
const { cases } = loadFixture<{ cases: Case[] }>('engine_coverage.json');
const layoutOf = (c: Case): Layout => ({ shape: c.shape, strides: c.strides, offset: c.offset, itemsize: c.itemsize });

describe('coverage against NumPy and PyTorch', () => {
  it('has the fixture views (random, seed, torch)', () => {
    expect(cases.length).toBeGreaterThan(300);
    expect(cases.filter((c) => c.unit === 'elements').length).toBeGreaterThan(30);
  });

  it('segments: the maximal runs of equal reader counts over the buffer ∪ the extent', () => {
    for (const c of cases) {
      const r = coverage(layoutOf(c), c.buffer, { unit: c.unit });
      if (!r.ok) throw new Error(`${JSON.stringify(c.shape)} ${JSON.stringify(c.strides)}: ${r.error}`);
      expect([r.value.range.low, r.value.range.high], JSON.stringify(c)).toEqual(c.range);
      expect(r.value.segments.map((s) => [s.low, s.high, s.readers]), JSON.stringify(c)).toEqual(c.segments);
      expect(r.value.aggregated).toBe(false);
      expect(r.value.unit).toBe(c.unit);
    }
  });

  it('readers of a byte are exactly the indices NumPy finds', () => {
    let nonEmpty = 0;
    for (const c of cases) {
      for (const p of c.probes) {
        const r = readersOf(layoutOf(c), p.at);
        if (!r.ok) throw new Error(r.error);
        expect(r.value.indices, `${JSON.stringify(c)} at ${p.at}`).toEqual(p.readers);
        expect(r.value.complete).toBe(true);
        if (p.readers.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('per base element, how many indices read it (the seed im2col, max-pool, the mistake, stride 3 dilation 2)', () => {
    const withBase = cases.filter((c) => c.baseShape);
    expect(withBase).toHaveLength(4);
    for (const c of withBase) {
      const r = baseReaders(layoutOf(c), c.baseShape!);
      if (!r.ok) throw new Error(r.error);
      expect([...r.value]).toEqual(c.baseReaders);
    }
  });
});

describe('readers of one base element', () => {
  it('are the indices whose bytes touch it, found without enumerating the view', () => {
    const c = cases.find((x) => x.baseShape && x.shape[0] === 26)!;
    const v = layoutOf(c);
    const r = readersOfBaseElement(v, [28, 28], [14, 14]);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.indices.length).toBe(c.baseReaders![14 * 28 + 14]);
    for (const idx of r.value.indices) {
      const addr = v.offset + idx.reduce((a, i, k) => a + i * v.strides[k]!, 0);
      expect(addr).toBe((14 * 28 + 14) * 4);
    }
  });
  it('names a bad element', () => {
    const r = readersOfBaseElement({ shape: [3], strides: [4], offset: 0, itemsize: 4 }, [3], [5]);
    expect(r).toEqual({ ok: false, error: 'element (5) is not an index of a base of shape (3)' });
  });
  it('a view of 10^12 indices still answers (bounded search, not enumeration)', () => {
    const huge: Layout = { shape: [1_000_000, 1_000_000], strides: [8, 8], offset: 0, itemsize: 8 };
    const r = readersOf(huge, 80, 5);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.indices).toEqual([[0, 10], [1, 9], [2, 8], [3, 7], [4, 6]]);
    expect(r.value.complete).toBe(false);
  });
});

/** Brute force: count every byte read, then run-length encode over the range. */
function bruteSegments(v: Layout, buffer: number): [number, number, number][] {
  const count = v.shape.reduce((a, n) => a * n, 1);
  const addr = [...addresses(v, count)];
  const low = count ? Math.min(0, ...addr) : 0;
  const high = count ? Math.max(buffer, ...addr.map((a) => a + v.itemsize)) : buffer;
  const counts = new Array<number>(high - low).fill(0);
  for (const a of addr) for (let k = 0; k < v.itemsize; k++) counts[a + k - low]!++;
  const out: [number, number, number][] = [];
  for (let i = 0; i < counts.length; i++) {
    const last = out[out.length - 1];
    if (last && last[2] === counts[i]) last[1] = low + i + 1;
    else out.push([low + i, low + i + 1, counts[i]!]);
  }
  return out;
}

const view = fc.record({
  shape: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }),
  itemsize: fc.constantFrom(1, 2, 4, 8),
  strideSeed: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 4, maxLength: 4 }),
  offset: fc.integer({ min: -16, max: 64 }),
  buffer: fc.integer({ min: 0, max: 96 }),
});

describe('coverage properties', () => {
  it('equals the brute force on random views (negative, zero, overlapping, out of bounds)', () => {
    fc.assert(fc.property(view, ({ shape, itemsize, strideSeed, offset, buffer }) => {
      const v: Layout = { shape, strides: shape.map((_, k) => strideSeed[k]!), offset, itemsize };
      const r = coverage(v, buffer);
      if (!r.ok) throw new Error(r.error);
      expect(r.value.segments.map((s) => [s.low, s.high, s.readers])).toEqual(bruteSegments(v, buffer));
    }), { seed: 20261203, numRuns: 500 });
  });

  it('above the exact limit the aggregate says so and keeps the total bytes read', () => {
    fc.assert(fc.property(view, ({ shape, itemsize, strideSeed, offset, buffer }) => {
      const v: Layout = { shape, strides: shape.map((_, k) => strideSeed[k]!), offset, itemsize };
      const count = shape.reduce((a, n) => a * n, 1);
      const r = coverage(v, buffer, { exactLimit: 0 });
      if (!r.ok) throw new Error(r.error);
      if (count === 0) return;
      expect(r.value.aggregated).toBe(true);
      const total = r.value.segments.reduce((a, s) => a + s.readers * (s.high - s.low), 0);
      expect(total).toBeCloseTo(count * itemsize, 6);
      expect(r.value.segments[0]!.low).toBe(r.value.range.low);
      expect(r.value.segments[r.value.segments.length - 1]!.high).toBe(r.value.range.high);
    }), { seed: 20261203, numRuns: 300 });
  });
});

describe('window geometry', () => {
  it('reads the seed im2col, the pool and a strided dilated conv as windows', () => {
    const im2col = windowGeometry({ shape: [26, 26, 3, 3], strides: [112, 4, 112, 4], offset: 0, itemsize: 4 }, [28, 28]);
    expect(im2col).toMatchObject({ outRows: 26, outCols: 26, winRows: 3, winCols: 3, strideRows: 1, strideCols: 1, dilationRows: 1, dilationCols: 1 });
    const pool = windowGeometry({ shape: [13, 13, 2, 2], strides: [208, 8, 104, 4], offset: 0, itemsize: 4 }, [26, 26]);
    expect(pool).toMatchObject({ strideRows: 2, strideCols: 2, dilationRows: 1, dilationCols: 1 });
    const dil = windowGeometry({ shape: [8, 8, 3, 3], strides: [336, 12, 224, 8], offset: 0, itemsize: 4 }, [28, 28])!;
    expect(dil).toMatchObject({ strideRows: 3, strideCols: 3, dilationRows: 2, dilationCols: 2 });
    expect(windowPixels(dil, 1, 2)).toEqual([[3, 6], [3, 8], [3, 10], [5, 6], [5, 8], [5, 10], [7, 6], [7, 8], [7, 10]]);
    expect(windowGeometry({ shape: [28, 28], strides: [4, 112], offset: 0, itemsize: 4 }, [28, 28])).toBeUndefined();
  });

  it("pixels agree with the base elements the window's indices read", () => {
    const c = cases.find((x) => x.baseShape && x.shape[0] === 8)!;
    const v = layoutOf(c);
    const g = windowGeometry(v, c.baseShape!)!;
    const perPixel = new Array<number>(28 * 28).fill(0);
    for (let r = 0; r < g.outRows; r++) for (let col = 0; col < g.outCols; col++) for (const [y, x] of windowPixels(g, r, col)) perPixel[y * 28 + x]!++;
    expect(perPixel).toEqual(c.baseReaders);
  });

  it('a window that runs off the right edge shows the next row it really reads', () => {
    const g = windowGeometry({ shape: [28, 28, 3, 3], strides: [112, 4, 112, 4], offset: 0, itemsize: 4 }, [28, 28])!;
    expect(windowPixels(g, 0, 27).slice(0, 3)).toEqual([[0, 27], [1, 0], [1, 1]]);
  });
});
