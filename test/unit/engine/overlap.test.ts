import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cStrides, elementAddress, fStrides, type Layout } from '../../../src/engine/layout';
import { internalOverlap, internalOverlapVerdict, sharesMemory, sharesMemoryVerdict, solveDiophantine, type MaxWork, type OverlapResult, type OverlapVerdict } from '../../../src/engine/overlap';
import { loadFixture } from '../fixtures';
import { indices } from './indices';

type Verdict = boolean | 'too-hard';
interface Fx {
  budgets: (number | null)[];
  internal: (Layout & { verdicts: Verdict[] })[];
  shares: { a: Layout; b: Layout; verdicts: Verdict[] }[];
  dioph: { A: number[]; U: number[]; b: number; maxWork: number; nontrivial: boolean; verdict: Verdict; x: number[] | null }[];
}
const fx = loadFixture<Fx>('engine_overlap.json');
const budget = (w: number | null): MaxWork => (w === null ? 'exact' : w === 0 ? 'bounds' : w);
const show = (l: Layout) => `shape (${l.shape.join(',')}) strides (${l.strides.join(',')}) offset ${l.offset} itemsize ${l.itemsize}`;

function ok<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The witness really names a byte both elements cover (and, for one view, two different indices). */
function checkWitness(r: OverlapResult, a: Layout, b: Layout, self: boolean): void {
  if (r.verdict !== true) { expect(r.witness).toBeNull(); return; }
  const w = r.witness!;
  expect(w).not.toBeNull();
  for (const [l, idx] of [[a, w.first], [b, w.second]] as const) {
    expect(idx.length).toBe(l.shape.length);
    idx.forEach((i, k) => expect(i >= 0 && i < l.shape[k]!).toBe(true));
    const start = elementAddress(l, idx);
    expect(w.byte >= start && w.byte < start + BigInt(l.itemsize), `witness byte ${w.byte} in ${show(l)} at [${idx.join(',')}]`).toBe(true);
  }
  if (self) expect(w.first).not.toEqual(w.second);
}

describe('overlap against NumPy 1.24', () => {
  it('internal overlap: same verdict as NumPy for every max_work', () => {
    expect(fx.internal.length).toBeGreaterThan(2000);
    for (const c of fx.internal) {
      fx.budgets.forEach((w, i) => {
        const r = ok(internalOverlap(c, budget(w)));
        expect(r.verdict, `${show(c)} max_work ${w}`).toBe(c.verdicts[i]);
        expect(ok(internalOverlapVerdict(c, budget(w))), `verdict only: ${show(c)} max_work ${w}`).toBe(c.verdicts[i]);
        checkWitness(r, c, c, true);
      });
    }
  });

  it('shares_memory: same verdict as NumPy for every max_work', () => {
    for (const c of fx.shares) {
      fx.budgets.forEach((w, i) => {
        const r = ok(sharesMemory(c.a, c.b, budget(w)));
        expect(r.verdict, `${show(c.a)} | ${show(c.b)} max_work ${w}`).toBe(c.verdicts[i]);
        expect(ok(sharesMemoryVerdict(c.a, c.b, budget(w))), `verdict only: ${show(c.a)} | ${show(c.b)} max_work ${w}`).toBe(c.verdicts[i]);
        checkWitness(r, c.a, c.b, false);
      });
    }
  });

  it('solve_diophantine: same verdict and same solution as NumPy', () => {
    for (const c of fx.dioph) {
      const terms = c.A.map((a, j) => ({ a: BigInt(a), ub: BigInt(c.U[j]!) }));
      const r = ok(solveDiophantine(terms, BigInt(c.b), c.maxWork < 0 ? 'exact' : c.maxWork, c.nontrivial));
      const label = `A ${c.A} U ${c.U} b ${c.b} max_work ${c.maxWork}`;
      expect(r.verdict, label).toBe(c.verdict);
      expect(r.x?.map(Number) ?? null, label).toEqual(c.x);
    }
  });

  it('rejects bad input with a message naming the value', () => {
    const l = { shape: [2], strides: [1], offset: 0, itemsize: 1 };
    expect(internalOverlap(l, -3)).toEqual({ ok: false, error: expect.stringContaining('-3') });
    expect(internalOverlapVerdict(l, -3)).toEqual({ ok: false, error: expect.stringContaining('-3') });
    expect(sharesMemoryVerdict(l, { ...l, shape: [2, 2] })).toEqual({ ok: false, error: expect.stringContaining('2 dimensions') });
    expect(sharesMemory(l, { ...l, shape: [2, 2] })).toEqual({ ok: false, error: expect.stringContaining('2 dimensions') });
  });
});


function bytesOf(l: Layout): Map<bigint, number> {
  const seen = new Map<bigint, number>();
  for (const i of indices(l.shape)) {
    const a = elementAddress(l, i);
    for (let j = 0n; j < BigInt(l.itemsize); j++) seen.set(a + j, (seen.get(a + j) ?? 0) + 1);
  }
  return seen;
}

const view = fc.integer({ min: 0, max: 4 }).chain((nd) =>
  fc.record({
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: nd, maxLength: nd }),
    strides: fc.array(fc.integer({ min: -24, max: 24 }), { minLength: nd, maxLength: nd }),
    offset: fc.integer({ min: 0, max: 120 }),
    itemsize: fc.integer({ min: 1, max: 8 }),
  }),
);

describe('overlap properties (brute force on small views)', () => {
  it('internal overlap is true exactly when two indices reach a common byte', () => {
    fc.assert(
      fc.property(view, (l) => {
        const brute: OverlapVerdict = [...bytesOf(l).values()].some((n) => n > 1);
        const r = ok(internalOverlap(l));
        expect(r.verdict).toBe(brute);
        expect(ok(internalOverlapVerdict(l))).toBe(brute);
        checkWitness(r, l, l, true);
      }),
      { numRuns: 500 },
    );
  });

  it('shares_memory is true exactly when the two views have a byte in common', () => {
    fc.assert(
      fc.property(view, view, (a, b) => {
        const bytesB = bytesOf(b);
        const brute = [...bytesOf(a).keys()].some((x) => bytesB.has(x));
        const r = ok(sharesMemory(a, b));
        expect(r.verdict).toBe(brute);
        expect(ok(sharesMemoryVerdict(a, b))).toBe(brute);
        checkWitness(r, a, b, false);
      }),
      { numRuns: 500 },
    );
  });

  it('shares_memory with a C- or F-contiguous view (the verdict shortcut) is true exactly when a byte is common', () => {
    const contiguous = fc.record({
      shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
      offset: fc.integer({ min: 0, max: 120 }),
      itemsize: fc.integer({ min: 1, max: 8 }),
      fortran: fc.boolean(),
    }).map(({ shape, offset, itemsize, fortran }) => ({ shape, strides: (fortran ? fStrides : cStrides)(shape, itemsize), offset, itemsize }));
    fc.assert(
      fc.property(contiguous, view, fc.boolean(), (c, v, swap) => {
        const [a, b] = swap ? [v, c] : [c, v];
        const bytesB = bytesOf(b);
        const brute = [...bytesOf(a).keys()].some((x) => bytesB.has(x));
        expect(ok(sharesMemoryVerdict(a, b))).toBe(brute);
        expect(ok(sharesMemory(a, b)).verdict).toBe(brute);
      }),
      { numRuns: 500 },
    );
  });

  it('exact past 2^53: views scaled by 2^45 (bigint search) get the verdicts of the unscaled views, budgets included', () => {
    const K = 2 ** 45;
    const bytes1 = view.map((l) => ({ ...l, itemsize: 1 }));
    const scale = (l: Layout) => ({ ...l, strides: l.strides.map((s) => s * K), offset: l.offset * K });
    fc.assert(
      fc.property(bytes1, bytes1, fc.constantFrom<MaxWork>('exact', 1, 3, 10), (a, b, w) => {
        const big = ok(sharesMemory(scale(a), scale(b), w));
        expect(big.verdict).toBe(ok(sharesMemory(a, b, w)).verdict);
        checkWitness(big, scale(a), scale(b), false);
        const self = ok(internalOverlap(scale(a), w));
        expect(self.verdict).toBe(ok(internalOverlap(a, w)).verdict);
        checkWitness(self, scale(a), scale(a), true);
      }),
      { numRuns: 300 },
    );
  });

  it('a budget never changes a decided verdict, it only turns it into too-hard', () => {
    fc.assert(
      fc.property(view, view, fc.integer({ min: 0, max: 20 }), (a, b, w) => {
        const exact = ok(sharesMemory(a, b)).verdict;
        const limited = ok(sharesMemory(a, b, w)).verdict;
        expect(limited === 'too-hard' || limited === exact).toBe(true);
      }),
    );
  });
});

// Without a budget the engine decides by shortcuts (contiguity, more element bytes than the
// extent holds, superincreasing strides, one stride a multiple of another) and, for
// shares_memory, by a search of its own; with a budget it follows NumPy's search node for
// node, and with a budget no search reaches, that search is exhaustive. The two must agree
// on views larger than brute force allows. The sparse family (strides up to ±2000 over small
// shapes) makes searches long enough for the memory of dead states to come into play.
const big = (maxStride: number, maxShape: number) => fc.record({
  itemsize: fc.constantFrom(1, 2, 4, 8, 3),
  factor: fc.constantFrom(1, 1, 1, 3, 12),
  dims: fc.array(fc.record({ n: fc.integer({ min: 1, max: maxShape }), s: fc.integer({ min: -maxStride, max: maxStride }), zero: fc.integer({ min: 0, max: 19 }) }), { minLength: 4, maxLength: 8 }),
  slack: fc.integer({ min: 0, max: 4096 }),
}).map(({ itemsize, factor, dims, slack }) => {
  const shape = dims.map((d) => d.n);
  const strides = dims.map((d) => (d.zero === 0 ? 0 : d.s * itemsize * factor));
  const low = shape.reduce((acc, n, k) => acc + Math.min(0, (n - 1) * strides[k]!), 0);
  return { shape, strides, offset: -low + slack, itemsize };
});
const EXHAUSTIVE = 1e15;

describe('exact verdicts against NumPy\'s search with a budget it never reaches', () => {
  for (const [family, maxStride, maxShape] of [['4–8-d views', 300, 12], ['sparse 8-d views', 2000, 6]] as const) {
    it(`internal overlap, ${family}`, () => {
      fc.assert(fc.property(big(maxStride, maxShape), (l) => {
        const reference = ok(internalOverlapVerdict(l, EXHAUSTIVE));
        expect(ok(internalOverlapVerdict(l)), show(l)).toBe(reference);
        const r = ok(internalOverlap(l));
        expect(r.verdict, show(l)).toBe(reference);
        checkWitness(r, l, l, true);
      }), { numRuns: 400 });
    });

    it(`shares_memory, ${family}`, () => {
      fc.assert(fc.property(big(maxStride, maxShape), big(maxStride, maxShape), (a, b) => {
        const reference = ok(sharesMemoryVerdict(a, b, EXHAUSTIVE));
        expect(ok(sharesMemoryVerdict(a, b)), `${show(a)} | ${show(b)}`).toBe(reference);
        const r = ok(sharesMemory(a, b));
        expect(r.verdict, `${show(a)} | ${show(b)}`).toBe(reference);
        checkWitness(r, a, b, false);
      }), { numRuns: 400 });
    });
  }
});
