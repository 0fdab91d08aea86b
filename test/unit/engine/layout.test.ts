import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bounds, elementAddress, elementCount, extent, isCContiguous, isFContiguous, type Layout } from '../../../src/engine/layout';
import { analyzeLayout } from '../../../src/engine/report';
import { loadFixture } from '../fixtures';
import { indices } from './indices';

interface Case extends Layout {
  nbytes: number;
  size: number;
  cContiguous: boolean;
  fContiguous: boolean;
  extent?: [number, number];
  numpyAccepts?: boolean;
  firstOutOfBoundsIndex: number[] | null;
}
interface BigCase extends Layout {
  size: string;
  nbytesView: string;
  extent: [string, string];
  cContiguous: boolean;
  fContiguous: boolean;
}
const fx = loadFixture<{ cases: Case[]; big: BigCase[] }>('engine_layout.json');
const name = (c: Layout & { nbytes?: number }) =>
  `shape (${c.shape.join(',')}) strides (${c.strides.join(',')}) offset ${c.offset} itemsize ${c.itemsize} nbytes ${c.nbytes ?? '-'}`;

describe('layout against NumPy 1.24', () => {
  it('has enough cases of each kind', () => {
    expect(fx.cases.length).toBeGreaterThan(3000);
    expect(fx.cases.filter((c) => c.shape.length === 0).length).toBeGreaterThan(50);
    expect(fx.cases.filter((c) => c.size === 0).length).toBeGreaterThan(50);
    expect(fx.cases.filter((c) => c.numpyAccepts === false).length).toBeGreaterThan(100);
    expect(fx.cases.filter((c) => c.strides.some((s) => s < 0)).length).toBeGreaterThan(100);
  });

  it('extent equals np.byte_bounds for every non-empty view', () => {
    for (const c of fx.cases) {
      if (!c.extent) continue;
      const e = extent(c);
      expect([Number(e.low), Number(e.high)], name(c)).toEqual(c.extent);
    }
  });

  it('size and C/F contiguity equal NumPy', () => {
    for (const c of fx.cases) {
      expect(Number(elementCount(c)), name(c)).toBe(c.size);
      expect(isCContiguous(c), `C ${name(c)}`).toBe(c.cContiguous);
      expect(isFContiguous(c), `F ${name(c)}`).toBe(c.fContiguous);
    }
  });

  it('in-bounds agrees with np.ndarray(buffer=...) and the first out-of-bounds index with brute force', () => {
    for (const c of fx.cases) {
      const b = bounds(c, BigInt(c.nbytes));
      expect(b.firstOutOfBoundsIndex, name(c)).toEqual(c.firstOutOfBoundsIndex);
      expect(b.inBounds, name(c)).toBe(c.firstOutOfBoundsIndex === null);
      if (c.numpyAccepts !== undefined) expect(b.inBounds, `ndarray ${name(c)}`).toBe(c.numpyAccepts);
    }
  });

  it('report.ts gives the same answers', () => {
    for (const c of fx.cases.slice(0, 500)) {
      const r = analyzeLayout({ ...c, nbytes: BigInt(c.nbytes) });
      if (!r.ok) throw new Error(r.error);
      expect(r.value.inBounds, name(c)).toBe(c.firstOutOfBoundsIndex === null);
      expect(r.value.firstOutOfBoundsIndex, name(c)).toEqual(c.firstOutOfBoundsIndex);
      if (c.extent) expect([Number(r.value.extent.low), Number(r.value.extent.high)]).toEqual(c.extent);
    }
  });

  it('is exact past 2^53 (sizes, byte counts, extents)', () => {
    expect(fx.big.length).toBeGreaterThan(5);
    for (const c of fx.big) {
      const r = analyzeLayout(c);
      if (!r.ok) throw new Error(r.error);
      expect(r.value.size.toString(), name(c)).toBe(c.size);
      expect(r.value.viewBytes.toString(), name(c)).toBe(c.nbytesView);
      expect([r.value.extent.low.toString(), r.value.extent.high.toString()], name(c)).toEqual(c.extent);
      expect(r.value.cContiguous, name(c)).toBe(c.cContiguous);
      expect(r.value.fContiguous, name(c)).toBe(c.fContiguous);
    }
  });
});

const smallLayout = fc
  .integer({ min: 0, max: 4 })
  .chain((nd) =>
    fc.record({
      shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: nd, maxLength: nd }),
      strides: fc.array(fc.integer({ min: -40, max: 40 }), { minLength: nd, maxLength: nd }),
      offset: fc.integer({ min: -50, max: 200 }),
      itemsize: fc.integer({ min: 1, max: 16 }),
    }),
  );


describe('layout properties', () => {
  it('every element lies inside the extent, and the extent is tight', () => {
    fc.assert(
      fc.property(smallLayout, (l) => {
        const e = extent(l);
        let lo: bigint | undefined;
        let hi: bigint | undefined;
        for (const i of indices(l.shape)) {
          const a = elementAddress(l, i);
          expect(a >= e.low && a + BigInt(l.itemsize) <= e.high).toBe(true);
          lo = lo === undefined || a < lo ? a : lo;
          hi = hi === undefined || a + BigInt(l.itemsize) > hi ? a + BigInt(l.itemsize) : hi;
        }
        if (lo === undefined) expect(e.low).toBe(e.high);
        else expect([e.low, e.high]).toEqual([lo, hi]);
      }),
    );
  });

  it('the first out-of-bounds index is the first in C order that leaves the buffer', () => {
    fc.assert(
      fc.property(smallLayout, fc.integer({ min: 0, max: 300 }), (l, nbytes) => {
        let first: number[] | null = null;
        for (const i of indices(l.shape)) {
          const a = elementAddress(l, i);
          if (a < 0n || a + BigInt(l.itemsize) > BigInt(nbytes)) { first = i; break; }
        }
        expect(bounds(l, BigInt(nbytes)).firstOutOfBoundsIndex).toEqual(first);
      }),
    );
  });
});
