/**
 * Memory overlap of strided views, decided the way NumPy decides it.
 *
 * Whether two views share a byte, or one view reaches a byte through two different indices,
 * is a bounded linear Diophantine problem:
 *
 *     Σ a[i]·x[i] = b,   a[i] > 0,   0 ≤ x[i] ≤ ub[i]
 *
 * (negative strides become positive by counting the index from the other end; the itemsize
 * is one more term with a = 1). NumPy (`numpy/core/src/common/mem_overlap.c`) solves it by a
 * depth-first search over the chain of pairwise GCD reductions, counting the candidates it
 * rejects; `max_work` caps that count. This module follows the same search, the same
 * simplification and the same term order, so it gives NumPy's verdict for every budget —
 * including NumPy's "too hard" — but in exact bigint arithmetic, so it never overflows
 * where NumPy would give up with an OverflowError. When memory is shared it also returns a
 * witness: the two indices and the byte they both read.
 */
import { elementAddress, extentNumber, extent, isCContiguous, layoutError, type Layout } from './layout';
import type { Result } from './report';

/** How much work the solver may do: NumPy's `max_work`. */
export type MaxWork =
  /** Solve exactly, however long it takes (`max_work=None` / `MAY_SHARE_EXACT`). */
  | 'exact'
  /** Only compare the extents (`max_work=0` / `MAY_SHARE_BOUNDS`). */
  | 'bounds'
  /** At most this many rejected candidates, then answer "too-hard". */
  | number;

/** `true` shared, `false` disjoint, `'too-hard'` the budget ran out before a decision. */
export type OverlapVerdict = boolean | 'too-hard';

/** Two indices that reach one byte (for self-overlap: two different indices of one view). */
export interface OverlapWitness {
  readonly first: number[];
  readonly second: number[];
  /** The byte both elements cover, relative to the buffer start. */
  readonly byte: bigint;
}

export interface OverlapResult {
  readonly verdict: OverlapVerdict;
  /** Present exactly when `verdict === true`. */
  readonly witness: OverlapWitness | null;
}

/** One term `a·x` with `0 ≤ x ≤ ub` of a bounded Diophantine equation. */
export interface DiophantineTerm {
  readonly a: bigint;
  readonly ub: bigint;
}

/** Outcome of `solveDiophantine`: the verdict and, when solvable, one solution `x`. */
export interface DiophantineResult {
  readonly verdict: OverlapVerdict;
  readonly x: bigint[] | null;
}

/** Solve `Σ a·x = b, 0 ≤ x ≤ ub` (or, with `requireUbNontrivial`, `Σ a·x = Σ a·ub/2` with `x ≠ ub/2`) as NumPy's `solve_diophantine` does, terms in the given order. */
export function solveDiophantine(
  terms: readonly DiophantineTerm[],
  b: bigint,
  maxWork: MaxWork = 'exact',
  requireUbNontrivial = false,
): Result<DiophantineResult> {
  for (const [j, t] of terms.entries()) {
    if (t.a <= 0n) return { ok: false, error: `coefficient a[${j}] = ${t.a} is not positive` };
    if (t.ub < 0n) return { ok: true, value: { verdict: false, x: null } };
  }
  if (requireUbNontrivial) {
    let sum = 0n;
    for (const [j, t] of terms.entries()) {
      if (t.ub % 2n !== 0n) return { ok: false, error: `bound ub[${j}] = ${t.ub} is odd` };
      sum += t.a * (t.ub / 2n);
    }
    b = sum;
  }
  return { ok: true, value: solve(terms, b, budget(maxWork), requireUbNontrivial) };
}

function budget(maxWork: MaxWork): number {
  return maxWork === 'exact' ? -1 : maxWork === 'bounds' ? 0 : maxWork;
}

function maxWorkError(maxWork: MaxWork): string | undefined {
  if (maxWork === 'exact' || maxWork === 'bounds') return undefined;
  return Number.isSafeInteger(maxWork) && maxWork >= 0 ? undefined : `max_work ${String(maxWork)} is not 'exact', 'bounds' or a non-negative integer`;
}

function solve(E: readonly DiophantineTerm[], b: bigint, maxWork: number, nontrivial: boolean): DiophantineResult {
  const n = E.length;
  if (b < 0n) return { verdict: false, x: null };
  if (n === 0) return nontrivial || b !== 0n ? { verdict: false, x: null } : { verdict: true, x: [] };
  if (n === 1) {
    if (nontrivial) return { verdict: false, x: null };
    const t = E[0]!;
    if (b % t.a === 0n && b / t.a <= t.ub) return { verdict: true, x: [b / t.a] };
    return { verdict: false, x: null };
  }
  const p = precompute(E);
  const x = new Array<bigint>(n).fill(0n);
  const state = { count: 0, maxWork, nontrivial, E, p, x };
  const verdict = dfs(state, n - 1, b);
  return { verdict, x: verdict === true ? x : null };
}

interface Reduction {
  /** gcd chain: Ep[j].a = gcd(a[0..j+1]), with its bound Ep[j].ub. */
  readonly epA: bigint[];
  readonly epUb: bigint[];
  readonly gamma: bigint[];
  readonly epsilon: bigint[];
}

function precompute(E: readonly DiophantineTerm[]): Reduction {
  const n = E.length;
  const epA: bigint[] = new Array<bigint>(n).fill(0n);
  const epUb: bigint[] = new Array<bigint>(n).fill(0n);
  const gamma: bigint[] = new Array<bigint>(n).fill(0n);
  const epsilon: bigint[] = new Array<bigint>(n).fill(0n);
  let [g, ga, ep] = euclid(E[0]!.a, E[1]!.a);
  epA[0] = g; gamma[0] = ga; epsilon[0] = ep;
  if (n > 2) epUb[0] = E[0]!.ub * (E[0]!.a / g) + E[1]!.ub * (E[1]!.a / g);
  for (let j = 2; j < n; j++) {
    [g, ga, ep] = euclid(epA[j - 2]!, E[j]!.a);
    epA[j - 1] = g; gamma[j - 1] = ga; epsilon[j - 1] = ep;
    if (j < n - 1) epUb[j - 1] = (epA[j - 2]! / g) * epUb[j - 2]! + (E[j]!.a / g) * E[j]!.ub;
  }
  return { epA, epUb, gamma, epsilon };
}

// Extended Euclid in NumPy's exact variant (the Bézout pair it picks matters for the search order).
function euclid(a1: bigint, a2: bigint): [bigint, bigint, bigint] {
  let g1 = 1n, g2 = 0n, e1 = 0n, e2 = 1n;
  for (;;) {
    if (a2 > 0n) {
      const r = a1 / a2;
      a1 -= r * a2; g1 -= r * g2; e1 -= r * e2;
    } else return [a1, g1, e1];
    if (a1 > 0n) {
      const r = a2 / a1;
      a2 -= r * a1; g2 -= r * g1; e2 -= r * e1;
    } else return [a2, g2, e2];
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

interface Search {
  count: number;
  readonly maxWork: number;
  readonly nontrivial: boolean;
  readonly E: readonly DiophantineTerm[];
  readonly p: Reduction;
  readonly x: bigint[];
}

function dfs(s: Search, v: number, b: bigint): OverlapVerdict {
  if (s.maxWork >= 0 && s.count >= s.maxWork) return 'too-hard';
  const { E, p, x } = s;
  const a1 = v === 1 ? E[0]!.a : p.epA[v - 2]!;
  const u1 = v === 1 ? E[0]!.ub : p.epUb[v - 2]!;
  const a2 = E[v]!.a;
  const u2 = E[v]!.ub;
  const g = p.epA[v - 1]!;
  if (b % g !== 0n) { s.count++; return false; }
  const c = b / g;
  const c1 = a2 / g;
  const c2 = a1 / g;
  // Candidates: x1 = gamma·c + c1·t, x2 = epsilon·c − c2·t with 0 ≤ x1 ≤ u1, 0 ≤ x2 ≤ u2.
  const x10 = p.gamma[v - 1]! * c;
  const x20 = p.epsilon[v - 1]! * c;
  const tLow = bigMax(ceilDiv(-x10, c1), ceilDiv(x20 - u2, c2));
  const tHigh = bigMin(floorDiv(u1 - x10, c1), floorDiv(x20, c2));
  if (tLow > tHigh) { s.count++; return false; }
  const x1 = x10 + c1 * tLow;
  const x2 = x20 - c2 * tLow;
  const span = tHigh - tLow;
  if (v === 1) {
    x[0] = x1;
    x[1] = x2;
    if (s.nontrivial && E.every((t, j) => x[j] === t.ub / 2n)) { s.count++; return false; }
    return true;
  }
  for (let t = 0n; t <= span; t++) {
    x[v] = x2 - c2 * t;
    const r = dfs(s, v - 1, b - a2 * x[v]!);
    if (r !== false) return r;
  }
  s.count++;
  return false;
}

function bigMax(a: bigint, b: bigint): bigint { return a > b ? a : b; }
function bigMin(a: bigint, b: bigint): bigint { return a < b ? a : b; }

// ---------------------------------------------------------------------------------------
// The same search in plain numbers: the fast path, used when a bound proves that every
// intermediate value stays a safe integer (|value| ≤ maxA·(b + Σ a·ub + maxA)); otherwise the
// bigint search above runs. Both are checked against NumPy by the same fixtures.

const SAFE = Number.MAX_SAFE_INTEGER;

interface NumTerm { readonly a: number; readonly ub: number }

function fitsNumbers(E: readonly NumTerm[], b: number): boolean {
  let sum = 0;
  let maxA = 1;
  for (const t of E) {
    sum += t.a * t.ub;
    if (t.a > maxA) maxA = t.a;
  }
  return maxA * (Math.abs(b) + sum + maxA) * 4 <= SAFE;
}

// Exact floor(a / b) for safe integers, b > 0 (the float quotient can round across an integer).
function floorDivN(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

function ceilDivN(a: number, b: number): number {
  return -floorDivN(-a, b);
}

// NumPy's Euclid, writing gcd and Bézout pair into slot j of the output arrays.
function euclidInto(a1: number, a2: number, j: number, g: number[], gamma: number[], epsilon: number[]): void {
  let g1 = 1, g2 = 0, e1 = 0, e2 = 1;
  for (;;) {
    if (a2 > 0) {
      const r = Math.floor(a1 / a2);
      a1 -= r * a2; g1 -= r * g2; e1 -= r * e2;
    } else { g[j] = a1; gamma[j] = g1; epsilon[j] = e1; return; }
    if (a1 > 0) {
      const r = Math.floor(a2 / a1);
      a2 -= r * a1; g2 -= r * g1; e2 -= r * e1;
    } else { g[j] = a2; gamma[j] = g2; epsilon[j] = e2; return; }
  }
}

interface SearchN {
  count: number;
  readonly maxWork: number;
  readonly nontrivial: boolean;
  readonly E: readonly NumTerm[];
  readonly epA: number[];
  readonly epUb: number[];
  readonly gamma: number[];
  readonly epsilon: number[];
  readonly x: number[];
}

function solveN(E: readonly NumTerm[], b: number, maxWork: number, nontrivial: boolean): { verdict: OverlapVerdict; x: number[] | null } {
  const n = E.length;
  if (b < 0) return { verdict: false, x: null };
  if (n === 0) return nontrivial || b !== 0 ? { verdict: false, x: null } : { verdict: true, x: [] };
  if (n === 1) {
    if (nontrivial) return { verdict: false, x: null };
    const t = E[0]!;
    return b % t.a === 0 && b / t.a <= t.ub ? { verdict: true, x: [b / t.a] } : { verdict: false, x: null };
  }
  const epA: number[] = [];
  const epUb: number[] = [];
  const gamma: number[] = [];
  const epsilon: number[] = [];
  euclidInto(E[0]!.a, E[1]!.a, 0, epA, gamma, epsilon);
  epUb[0] = n > 2 ? E[0]!.ub * (E[0]!.a / epA[0]!) + E[1]!.ub * (E[1]!.a / epA[0]!) : 0;
  for (let j = 2; j < n; j++) {
    euclidInto(epA[j - 2]!, E[j]!.a, j - 1, epA, gamma, epsilon);
    const g = epA[j - 1]!;
    epUb[j - 1] = j < n - 1 ? (epA[j - 2]! / g) * epUb[j - 2]! + (E[j]!.a / g) * E[j]!.ub : 0;
  }
  const x: number[] = [];
  for (let j = 0; j < n; j++) x.push(0);
  const s: SearchN = { count: 0, maxWork, nontrivial, E, epA, epUb, gamma, epsilon, x };
  const verdict = dfsN(s, n - 1, b);
  return { verdict, x: verdict === true ? s.x : null };
}

function dfsN(s: SearchN, v: number, b: number): OverlapVerdict {
  if (s.maxWork >= 0 && s.count >= s.maxWork) return 'too-hard';
  const { E, x } = s;
  const a1 = v === 1 ? E[0]!.a : s.epA[v - 2]!;
  const u1 = v === 1 ? E[0]!.ub : s.epUb[v - 2]!;
  const a2 = E[v]!.a;
  const u2 = E[v]!.ub;
  const g = s.epA[v - 1]!;
  if (b % g !== 0) { s.count++; return false; }
  const c = b / g;
  const c1 = a2 / g;
  const c2 = a1 / g;
  const x10 = s.gamma[v - 1]! * c;
  const x20 = s.epsilon[v - 1]! * c;
  const tLow = Math.max(ceilDivN(-x10, c1), ceilDivN(x20 - u2, c2));
  const tHigh = Math.min(floorDivN(u1 - x10, c1), floorDivN(x20, c2));
  if (tLow > tHigh) { s.count++; return false; }
  const x1 = x10 + c1 * tLow;
  const x2 = x20 - c2 * tLow;
  if (v === 1) {
    x[0] = x1;
    x[1] = x2;
    if (s.nontrivial && E.every((t, j) => x[j] === t.ub / 2)) { s.count++; return false; }
    return true;
  }
  const span = tHigh - tLow;
  for (let t = 0; t <= span; t++) {
    x[v] = x2 - c2 * t;
    const r = dfsN(s, v - 1, b - a2 * x[v]!);
    if (r !== false) return r;
  }
  s.count++;
  return false;
}

// ---------------------------------------------------------------------------------------
// Overlap problems built from layouts.

/** Where a term of an overlap problem came from: a dimension of one view, or the bytes of its element. */
interface Origin {
  readonly view: 0 | 1;
  /** Dimension index, or -1 for the byte-within-element term. */
  readonly dim: number;
  readonly ub: number;
}
interface Tagged extends NumTerm {
  readonly from: Origin[];
  /** The bound is twice the origins' (internal overlap). */
  readonly doubled: boolean;
  /** The bound was trimmed to b/a (NumPy's simplification). */
  readonly trimmed: boolean;
}

// Terms sorted by decreasing coefficient, stably like glibc's qsort (a merge sort); insertion
// sort, as there are at most a few dozen terms.
function sortTerms<T extends NumTerm>(terms: T[]): T[] {
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i]!;
    let j = i - 1;
    while (j >= 0 && terms[j]!.a < t.a) { terms[j + 1] = terms[j]!; j--; }
    terms[j + 1] = t;
  }
  return terms;
}

function dimTerms(l: Layout, view: 0 | 1, skipEmpty: boolean, out: Tagged[]): void {
  for (let k = 0; k < l.shape.length; k++) {
    const n = l.shape[k]!;
    const s = l.strides[k]!;
    if (skipEmpty && (n <= 1 || s === 0)) continue;
    out.push({ a: Math.abs(s), ub: n - 1, from: [{ view, dim: k, ub: n - 1 }], doubled: false, trimmed: false });
  }
}

function itemTerm(l: Layout, view: 0 | 1, out: Tagged[]): void {
  if (l.itemsize > 1) out.push({ a: 1, ub: l.itemsize - 1, from: [{ view, dim: -1, ub: l.itemsize - 1 }], doubled: false, trimmed: false });
}

function checkInputs(layouts: Layout[], maxWork: MaxWork): string | undefined {
  for (const l of layouts) {
    const e = layoutError(l);
    if (e) return e;
  }
  return maxWorkError(maxWork);
}

/** Value per origin: `values[view][dim + 1]` (slot 0 is the byte within the element); each ≤ its origin's bound, so a safe integer. */
type Split = [number[], number[]];

// Solve tagged terms with numbers when provably exact, else with bigints.
function solveTagged(terms: readonly Tagged[], b: number | bigint, maxWork: number, nontrivial: boolean): { verdict: OverlapVerdict; x: readonly (number | bigint)[] | null } {
  let small = typeof b === 'number';
  for (let j = 0; small && j < terms.length; j++) small = terms[j]!.ub <= SAFE;
  if (small && fitsNumbers(terms, b as number)) return solveN(terms, b as number, maxWork, nontrivial);
  return solve(terms.map((t) => ({ a: BigInt(t.a), ub: exactUb(t, b) })), BigInt(b), maxWork, nontrivial);
}

function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

// Share each merged term's value among the terms it came from, each up to its own bound.
function split(terms: readonly Tagged[], x: readonly (number | bigint)[], ndims: [number, number]): Split {
  const values: Split = [zeros(ndims[0] + 1), zeros(ndims[1] + 1)];
  terms.forEach((t, j) => {
    const v = x[j]!;
    if (typeof v === 'number') {
      let rest = v;
      for (const o of t.from) {
        const take = Math.min(rest, o.ub);
        values[o.view][o.dim + 1]! += take;
        rest -= take;
      }
      return;
    }
    let rest = v;
    for (const o of t.from) {
      const ub = BigInt(o.ub);
      const take = rest < ub ? rest : ub;
      values[o.view][o.dim + 1]! += Number(take);
      rest -= take;
    }
  });
  return values;
}

// Byte address of an element: plain numbers when the extent is (then every partial sum is exact).
function addressOf(l: Layout, index: readonly number[], plain: boolean): bigint {
  if (!plain) return elementAddress(l, index);
  let a = l.offset;
  for (let k = 0; k < index.length; k++) a += index[k]! * l.strides[k]!;
  return BigInt(a);
}

// A merged term's bound in exact arithmetic: the sum of its origins' bounds (doubled for
// internal overlap, recorded by `doubled`), trimmed to b/a as NumPy's simplification does.
function exactUb(t: Tagged, b: number | bigint): bigint {
  let ub = 0n;
  for (const o of t.from) ub += BigInt(o.ub);
  if (t.doubled) ub *= 2n;
  if (t.trimmed) ub = bigMin(ub, BigInt(b) / BigInt(t.a));
  return ub;
}

// NumPy's diophantine_simplify: sort, merge equal coefficients, trim bounds to b/a, drop zero bounds.
function simplify(terms: Tagged[], b: number | bigint): Tagged[] {
  const sorted = sortTerms(terms);
  const out: Tagged[] = [];
  for (let i = 0; i < sorted.length;) {
    const a = sorted[i]!.a;
    let sum = 0;
    const from: Origin[] = [];
    for (; i < sorted.length && sorted[i]!.a === a; i++) {
      sum += sorted[i]!.ub;
      for (const o of sorted[i]!.from) from.push(o);
    }
    const t = { a, ub: sum, from };
    const cap = typeof b === 'number' ? floorDivN(b, t.a) : b / BigInt(t.a) > BigInt(SAFE) ? SAFE + 1 : Number(b / BigInt(t.a));
    const ub = t.ub > SAFE ? cap : Math.min(t.ub, cap); // a bound past 2^53 is far above b/a when b is safe
    if (ub !== 0) out.push({ a: t.a, ub, from: t.from, doubled: false, trimmed: true });
  }
  return out;
}

const NO: Result<OverlapResult> = { ok: true, value: { verdict: false, witness: null } };

/** NumPy's `shares_memory(a, b, max_work)` for two views on one buffer (offsets from its start), with a witness when they share. */
export function sharesMemory(a: Layout, b: Layout, maxWork: MaxWork = 'exact'): Result<OverlapResult> {
  const err = checkInputs([a, b], maxWork);
  if (err) return { ok: false, error: err };
  const na = extentNumber(a);
  const nb = extentNumber(b);
  let rhs: number | bigint;
  let fromLow: 0 | 1;
  if (na && nb) {
    const [aLow, aHigh] = na;
    const [bLow, bHigh] = nb;
    if (!(aLow < bHigh && bLow < aHigh && aLow < aHigh && bLow < bHigh)) return NO;
    if (maxWork === 'bounds' || maxWork === 0) return { ok: true, value: { verdict: 'too-hard', witness: null } };
    // Problem 1: byte = low(a) + Σ|s|·x (a counted from its low end) = high(b) − 1 − Σ|s|·x' (b from its high end).
    // Problem 2 swaps the roles; NumPy takes the one with the smaller right-hand side (the second on a tie).
    const rhs1 = bHigh - 1 - aLow;
    const rhs2 = aHigh - 1 - bLow;
    fromLow = rhs1 < rhs2 ? 0 : 1;
    rhs = Math.min(rhs1, rhs2);
    if (Math.abs(rhs1) > SAFE || Math.abs(rhs2) > SAFE) rhs = fromLow === 0 ? BigInt(bHigh) - 1n - BigInt(aLow) : BigInt(aHigh) - 1n - BigInt(bLow);
  } else {
    const ea = extent(a);
    const eb = extent(b);
    if (!(ea.low < eb.high && eb.low < ea.high && ea.low < ea.high && eb.low < eb.high)) return NO;
    if (maxWork === 'bounds' || maxWork === 0) return { ok: true, value: { verdict: 'too-hard', witness: null } };
    const rhs1 = eb.high - 1n - ea.low;
    const rhs2 = ea.high - 1n - eb.low;
    fromLow = rhs1 < rhs2 ? 0 : 1;
    rhs = rhs1 < rhs2 ? rhs1 : rhs2;
  }
  const raw: Tagged[] = [];
  dimTerms(a, 0, true, raw);
  dimTerms(b, 1, true, raw);
  itemTerm(a, 0, raw);
  itemTerm(b, 1, raw);
  const terms = simplify(raw, rhs);
  const r = solveTagged(terms, rhs, budget(maxWork), false);
  if (r.verdict !== true) return { ok: true, value: { verdict: r.verdict, witness: null } };
  const values = split(terms, r.x!, [a.shape.length, b.shape.length]);
  const views = [a, b] as const;
  const idx: [number[], number[]] = [[], []];
  for (const v of [0, 1] as const) {
    const l = views[v];
    for (let k = 0; k < l.shape.length; k++) {
      const x = values[v][k + 1]!;
      const counted = v === fromLow ? l.strides[k]! >= 0 : l.strides[k]! < 0; // x counts up from index 0
      idx[v].push(counted ? x : l.shape[k]! - 1 - x);
    }
  }
  const start = addressOf(views[fromLow], idx[fromLow], (fromLow === 0 ? na : nb) !== null);
  return { ok: true, value: { verdict: true, witness: { first: idx[0], second: idx[1], byte: start + BigInt(values[fromLow][0]!) } } };
}

/** NumPy's internal-overlap test (`solve_may_have_internal_overlap`): do two different indices of the view reach a common byte? */
export function internalOverlap(l: Layout, maxWork: MaxWork = 'exact'): Result<OverlapResult> {
  const err = checkInputs([l], maxWork);
  if (err) return { ok: false, error: err };
  if (isCContiguous(l)) return NO; // NumPy's quick exit (PyArray_ISCONTIGUOUS)
  const raw: Tagged[] = [];
  dimTerms(l, 0, false, raw);
  itemTerm(l, 0, raw);
  const kept: Tagged[] = [];
  for (const t of raw) {
    if (t.ub === 0) continue;
    if (t.ub < 0) return NO;
    if (t.a === 0) {
      const dim = t.from[0]!.dim;
      const first = l.shape.map(() => 0);
      const second = l.shape.map((_, k) => (k === dim ? 1 : 0));
      return { ok: true, value: { verdict: true, witness: { first, second, byte: elementAddress(l, first) } } };
    }
    // z = x0' + x1' with 0 ≤ z ≤ 2·ub, Σ a·z = Σ a·ub and z ≠ ub (see mem_overlap.c).
    kept.push({ a: t.a, ub: 2 * t.ub, from: t.from, doubled: true, trimmed: false });
  }
  const terms = sortTerms(kept);
  let b = 0;
  for (const t of terms) b += t.a * (t.ub / 2);
  const exact = terms.every((t) => t.ub <= SAFE) && b <= SAFE;
  let rhs: number | bigint = b;
  if (!exact) {
    rhs = 0n;
    for (const t of terms) rhs += BigInt(t.a) * (exactUb(t, 0) / 2n);
  }
  const r = solveTagged(terms, rhs, budget(maxWork), true);
  if (r.verdict !== true) return { ok: true, value: { verdict: r.verdict, witness: null } };
  // Split each z into x0' = min(z, ub), x1' = z − x0', then undo the sign mapping per stride.
  const first = l.shape.map(() => 0);
  const second = l.shape.map(() => 0);
  let byte0 = 0;
  for (const [j, t] of terms.entries()) {
    const o = t.from[0]!;
    const z = r.x![j]!;
    // x0' = min(z, ub) and x1' = z − x0' are both ≤ ub, so safe integers even when z is a bigint.
    const x0p = typeof z === 'number' ? Math.min(z, o.ub) : Number(z < BigInt(o.ub) ? z : BigInt(o.ub));
    const x1p = typeof z === 'number' ? z - x0p : Number(z - BigInt(x0p));
    if (o.dim < 0) { byte0 = x0p; continue; }
    const positive = l.strides[o.dim]! > 0;
    first[o.dim] = positive ? x0p : o.ub - x0p;
    second[o.dim] = positive ? o.ub - x1p : x1p;
  }
  return { ok: true, value: { verdict: true, witness: { first, second, byte: addressOf(l, first, extentNumber(l) !== null) + BigInt(byte0) } } };
}
