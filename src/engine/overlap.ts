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
 * rejects; `max_work` caps that count. Under a budget this module follows the same search
 * node for node, with the same simplification and term order, so it gives NumPy's verdict
 * for every budget — including NumPy's "too hard". Without one (`'exact'`, NumPy's
 * `max_work=None`) any complete method gives NumPy's verdict, and this module first tries
 * answers that need no search (contiguity, more element bytes than the extent holds,
 * superincreasing strides, one stride a multiple of another, a contiguous view covering the
 * other's end), then searches: NumPy's search for internal overlap, a shorter one of its own
 * for shares_memory. Numbers are plain floats where a bound proves them exact and bigints
 * otherwise, so it never overflows where NumPy would give up with an OverflowError. When
 * memory is shared it also returns a witness: the two indices and the byte they both read.
 */
import { contiguityFlags, elementAddress, extentInto, extentNumber, extent, layoutError, type Layout } from './layout';
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
// The same search in plain numbers: the fast path. It runs when a bound proves that every
// intermediate value stays a safe integer (|value| ≤ maxA·(b + Σ a·ub + maxA) ≤ 2^51), and
// the bigint search above runs otherwise; the fixtures check both against NumPy.

const SAFE = Number.MAX_SAFE_INTEGER;
const NO = 0;
const YES = 1;
const HARD = 2;
type Code = typeof NO | typeof YES | typeof HARD;
/** Not a verdict: the layout is not valid. */
const BAD = 3;

/**
 * Scratch space of one overlap question: the terms, the GCD chain and the solution in typed
 * arrays, so that a question allocates nothing until it builds a witness. It is filled
 * afresh by each question and read back only by that question's witness.
 */
interface Workspace {
  // Raw terms, kept sorted by decreasing coefficient: coefficient, bound, and where each
  // came from (view 0 or 1; dimension, or -1 for the byte within the element).
  readonly ra: Float64Array;
  readonly ru: Float64Array;
  readonly rv: Int32Array;
  readonly rd: Int32Array;
  // Solver terms (raw terms merged and trimmed for shares_memory, bounds doubled for
  // internal overlap), the range of raw terms each covers, the GCD chain and the solution.
  readonly ta: Float64Array;
  readonly tu: Float64Array;
  readonly ts: Int32Array;
  readonly te: Int32Array;
  readonly epA: Float64Array;
  readonly epUb: Float64Array;
  readonly gamma: Float64Array;
  readonly epsilon: Float64Array;
  // Per level of the search, from the GCD chain: the cofactors c1 = a2/gcd and c2 = a1/gcd.
  readonly c1: Float64Array;
  readonly c2: Float64Array;
  readonly x: Float64Array;
  // The search's open candidates per level: the next and the last t, and x10, x20.
  readonly tNext: Float64Array;
  readonly tLast: Float64Array;
  readonly x10s: Float64Array;
  readonly x20s: Float64Array;
  // The exact search (room + 1): what the terms from j on reach, their gcd, and the step
  // and inverse that give the candidates of level j.
  readonly reach: Float64Array;
  readonly gcds: Float64Array;
  readonly step: Float64Array;
  readonly inv: Float64Array;
  /** The exact search's nodes so far and, once it grows long, the rests proven dead per level (`remembered` in all). */
  nodes: number;
  dead: Set<number>[] | null;
  remembered: number;
  // Internal overlap: |stride| per dimension, and the dimensions that move in term order.
  readonly absS: Float64Array;
  readonly order: Int32Array;
  /** shares_memory: the two views' extents, low and high each. */
  readonly extents: Float64Array;
  /** Number of solver terms. */
  n: number;
  /** The solution when the bigint search ran instead. */
  bigX: bigint[] | null;
  /** The dimension whose zero stride decided an internal overlap, else -1. */
  zeroDim: number;
  /** shares_memory: the view whose index counts up from its low end. */
  fromLow: 0 | 1;
}

function newWorkspace(room: number): Workspace {
  const f = () => new Float64Array(room);
  const i = () => new Int32Array(room);
  const g = () => new Float64Array(room + 1);
  return { ra: f(), ru: f(), rv: i(), rd: i(), ta: f(), tu: f(), ts: i(), te: i(), epA: f(), epUb: f(), gamma: f(), epsilon: f(), c1: f(), c2: f(), x: f(), tNext: f(), tLast: f(), x10s: f(), x20s: f(), reach: g(), gcds: g(), step: g(), inv: g(), nodes: 0, dead: null, remembered: 0, absS: f(), order: i(), extents: new Float64Array(4), n: 0, bigX: null, zeroDim: -1, fromLow: 0 };
}

// Room for two 64-d views (NumPy's limit) and their itemsizes; larger problems get their own.
const ROOM = 2 * 64 + 2;
const shared = newWorkspace(ROOM);

function workspaceFor(terms: number): Workspace {
  const w = terms <= ROOM ? shared : newWorkspace(terms);
  w.bigX = null;
  w.zeroDim = -1;
  return w;
}

// Insert a raw term keeping `ra` in decreasing order, after the terms of equal coefficient
// (a stable sort, as glibc's qsort — a merge sort — is for NumPy).
function insertRaw(w: Workspace, n: number, a: number, ub: number, view: 0 | 1, dim: number): void {
  const { ra, ru, rv, rd } = w;
  let j = n - 1;
  while (j >= 0 && ra[j]! < a) {
    ra[j + 1] = ra[j]!; ru[j + 1] = ru[j]!; rv[j + 1] = rv[j]!; rd[j + 1] = rd[j]!;
    j--;
  }
  ra[j + 1] = a; ru[j + 1] = ub; rv[j + 1] = view; rd[j + 1] = dim;
}

// Every value of the number search is a safe integer (with a margin of 4).
function fitsNumbers(w: Workspace, n: number, b: number): boolean {
  const { ta, tu } = w;
  let sum = 0;
  let maxA = 1;
  for (let j = 0; j < n; j++) {
    sum += ta[j]! * tu[j]!;
    if (ta[j]! > maxA) maxA = ta[j]!;
  }
  return maxA * (Math.abs(b) + sum + maxA) * 4 <= SAFE;
}

// In the number search every value is a safe integer of magnitude at most 2^51 (the bound
// `fitsNumbers` checks), which makes float division with `Math.floor` exact: a quotient a/b
// that is not an integer lies at least 1/b from one, more than half an ulp of a/b
// (≤ 2^51/b · 2^−53), so rounding cannot carry it onto or across an integer; and a/b is
// exactly an integer when b divides a.

// NumPy's Euclid on GCD-chain slot j (any Bézout pair would do here; see `solveNumbers`).
function euclidInto(w: Workspace, a1: number, a2: number, j: number): void {
  let g1 = 1, g2 = 0, e1 = 0, e2 = 1;
  for (;;) {
    if (a2 > 0) {
      const r = Math.floor(a1 / a2);
      a1 -= r * a2; g1 -= r * g2; e1 -= r * e2;
    } else { w.epA[j] = a1; w.gamma[j] = g1; w.epsilon[j] = e1; return; }
    if (a1 > 0) {
      const r = Math.floor(a2 / a1);
      a2 -= r * a1; g2 -= r * g1; e2 -= r * e1;
    } else { w.epA[j] = a2; w.gamma[j] = g2; w.epsilon[j] = e2; return; }
  }
}

// `solve` on the workspace terms ta/tu[0..n) in numbers; the solution lands in `x`.
function solveNumbers(w: Workspace, n: number, b: number, maxWork: number, nontrivial: boolean): Code {
  const { ta, tu, epA, epUb, c1, c2 } = w;
  w.n = n;
  if (b < 0) return NO;
  if (n === 0) return nontrivial || b !== 0 ? NO : YES;
  if (n === 1) {
    const q = b / ta[0]!;
    if (nontrivial || q !== Math.floor(q) || q > tu[0]!) return NO;
    w.x[0] = q;
    return YES;
  }
  // Level j + 1 of the search reduces (a1, u1) = (ta[0], tu[0]) or the previous chain entry
  // and (a2, u2) = (ta[j + 1], tu[j + 1]) to their gcd with the bound epUb[j].
  // Any Bézout pair gives the same search: a node's candidates x2 are one residue class
  // modulo c2 within the bounds, taken from the largest down, whichever particular solution
  // x20 they start from. So where one coefficient divides the other (most levels once the
  // chain is down to the itemsize) the pair is written down instead of run through Euclid.
  const { gamma, epsilon } = w;
  for (let j = 0; j < n - 1; j++) {
    const a1 = j === 0 ? ta[0]! : epA[j - 1]!;
    const u1 = j === 0 ? tu[0]! : epUb[j - 1]!;
    const a2 = ta[j + 1]!;
    if (a1 >= a2 ? mod(a1, a2) === 0 : mod(a2, a1) === 0) {
      const g = a1 >= a2 ? a2 : a1;
      epA[j] = g; gamma[j] = g === a1 ? 1 : 0; epsilon[j] = g === a1 ? 0 : 1;
      c1[j] = a2 / g;
      c2[j] = a1 / g;
    } else {
      euclidInto(w, a1, a2, j);
      const g = epA[j]!;
      c1[j] = a2 / g;
      c2[j] = a1 / g;
    }
    epUb[j] = c2[j]! * u1 + c1[j]! * tu[j + 1]!;
  }
  return dfsNumbers(w, n, b, maxWork, nontrivial);
}

// NumPy's depth-first search (`diophantine_dfs`), node for node, as a loop over levels
// v = n − 1 … 1 with the open candidates of each level in `tNext`/`tLast`. A node at level v
// solves a1·x1 + a2·x2 = b for the chain entry (a1, u1) and the term (a2, u2), and only needs
// c = b / gcd: NumPy checks that the root's b is a multiple of its gcd, and below the root
// b − a2·x2 = a1·x1 (Bézout), so a child's c is its parent's candidate x1 = x10 + c1·t.
// Every rejected candidate and every exhausted node counts one unit of work, as in NumPy.
function dfsNumbers(w: Workspace, n: number, b: number, work: number, nontrivial: boolean): Code {
  const { tu, epUb, gamma, epsilon, c1: C1, c2: C2, x, tNext, tLast, x10s, x20s } = w;
  const limited = work >= 0;
  let count = 0;
  let v = n - 1;
  if (limited && work <= 0) return HARD;
  let c = b / w.epA[v - 1]!;
  if (c !== Math.floor(c)) return NO;
  for (;;) {
    // Enter the node (v, c).
    const j = v - 1;
    const c1 = C1[j]!;
    const c2 = C2[j]!;
    const u1 = v === 1 ? tu[0]! : epUb[j - 1]!;
    const u2 = tu[v]!;
    // Candidates: x1 = gamma·c + c1·t, x2 = epsilon·c − c2·t with 0 ≤ x1 ≤ u1, 0 ≤ x2 ≤ u2.
    const x10 = gamma[j]! * c;
    const x20 = epsilon[j]! * c;
    const tLow = -Math.min(Math.floor(x10 / c1), Math.floor((u2 - x20) / c2));
    const tHigh = Math.min(Math.floor((u1 - x10) / c1), Math.floor(x20 / c2));
    if (tLow <= tHigh) {
      if (v === 1) {
        x[0] = x10 + c1 * tLow;
        x[1] = x20 - c2 * tLow;
        if (!(nontrivial && trivial(w))) return YES;
      } else {
        tNext[v] = tLow;
        tLast[v] = tHigh;
        x10s[v] = x10;
        x20s[v] = x20;
        x[v] = x20 - c2 * tLow;
        c = x10 + c1 * tLow;
        v--;
        if (limited && count >= work) return HARD;
        continue;
      }
    }
    count++; // a rejected node
    // Back up to the nearest level with a candidate left; each exhausted level counts too.
    for (;;) {
      v++;
      if (v === n) return NO;
      const t = tNext[v]! + 1;
      tNext[v] = t;
      if (t <= tLast[v]!) {
        x[v] = x20s[v]! - C2[v - 1]! * t;
        c = x10s[v]! + C1[v - 1]! * t;
        v--;
        break;
      }
      count++;
    }
    if (limited && count >= work) return HARD;
  }
}

// The solution is NumPy's "trivial" one: every x at half its (doubled) bound.
function trivial(w: Workspace): boolean {
  for (let j = 0; j < w.n; j++) if (w.x[j] !== w.tu[j]! / 2) return false;
  return true;
}

// The workspace terms in bigint, bounds given: the fallback when numbers could be inexact.
function solveBig(w: Workspace, n: number, ubs: readonly bigint[], b: bigint, maxWork: number, nontrivial: boolean): Code {
  const terms: DiophantineTerm[] = [];
  for (let j = 0; j < n; j++) terms.push({ a: BigInt(w.ta[j]!), ub: ubs[j]! });
  const r = solve(terms, b, maxWork, nontrivial);
  w.n = n;
  w.bigX = r.x;
  return r.verdict === true ? YES : r.verdict === false ? NO : HARD;
}

// ---------------------------------------------------------------------------------------
// shares_memory without a budget, in numbers: a search of its own, much shorter than NumPy's
// on these problems (NumPy's order decides where a budget runs out, so budgets keep it). It
// fixes the largest coefficients first, so that the few large steps are chosen early and
// the small ones fill in the rest. A level's candidates are exactly the values that leave a
// rest the smaller terms can still make: within what they reach, and a multiple of their
// gcd (one residue class, stepped through directly). Once a search grows long, the
// (level, rest) pairs proven dead are remembered, which bounds it by the number of such
// pairs. (For internal overlap the same search order was tried and was no shorter than
// NumPy's, so internal overlap keeps NumPy's search.)

const REMEMBER_AFTER = 256;
// At most this many dead states are kept (about 40 MB): past it the search goes on unaided.
const REMEMBER_AT_MOST = 1 << 20;

// For terms ta/tu[0..n) in decreasing order: reach[j] = Σ_{i ≥ j} ta·tu, gcds[j] = gcd(ta[j..n)),
// and the candidates of level j: x ≡ (rest/gcds[j])·inv[j] (mod step[j]).
function prepareExact(w: Workspace, n: number): void {
  const { ta, tu, reach, gcds, step, inv } = w;
  reach[n] = 0;
  gcds[n] = 0;
  for (let j = n - 1; j >= 0; j--) {
    const a = ta[j]!;
    const m = gcds[j + 1]!;
    reach[j] = reach[j + 1]! + a * tu[j]!;
    step[j] = 1;
    inv[j] = 0;
    if (m === 1 || m === 0) { gcds[j] = m === 1 ? 1 : a; continue; }
    // Extended Euclid: s0·a ≡ g (mod m), so s0 inverts a/g modulo m/g.
    let r0 = a, r1 = m, s0 = 1, s1 = 0;
    while (r1 !== 0) {
      const q = Math.floor(r0 / r1);
      const r2 = r0 - q * r1; r0 = r1; r1 = r2;
      const s2 = s0 - q * s1; s0 = s1; s1 = s2;
    }
    const M = m / r0;
    gcds[j] = r0;
    step[j] = M;
    inv[j] = M === 1 ? 0 : mod(s0, M);
  }
  w.n = n;
  w.nodes = 0;
  w.remembered = 0;
  w.dead = null;
}

// a mod m in [0, m), for m > 0. Exact by the argument above; `%` on floats would call fmod.
function mod(a: number, m: number): number {
  return a - m * Math.floor(a / m);
}

// The residue the candidates of level j take for the rest r (a multiple of gcds[j]).
function residue(w: Workspace, j: number, r: number, s: number): number {
  return mod(mod(r / w.gcds[j]!, s) * w.inv[j]!, s);
}

// A search at level j with rest r is long enough to remember: is (j, r) known dead?
function knownDead(w: Workspace, j: number, r: number): boolean {
  if (++w.nodes <= REMEMBER_AFTER) return false;
  if (w.dead === null) w.dead = Array.from({ length: w.n }, () => new Set<number>());
  return w.dead[j]!.has(r);
}

function markDead(w: Workspace, j: number, r: number): void {
  if (w.dead !== null && w.remembered < REMEMBER_AT_MOST) {
    w.dead[j]!.add(r);
    w.remembered++;
  }
}

// shares_memory's exact search on the merged terms ta/tu[0..m) for the right-hand side rhs;
// the dead states go with it.
function sharesExact(w: Workspace, m: number, rhs: number): Code {
  prepareExact(w, m);
  if (m === 0) return rhs === 0 ? YES : NO;
  const found = rhs <= w.reach[0]! && mod(rhs, w.gcds[0]!) === 0 && fillDown(w, 0, rhs);
  w.dead = null;
  return found ? YES : NO;
}

// shares_memory: Σ ta·x = r over levels j…, 0 ≤ x ≤ tu, each x from its largest candidate
// down. On entry 0 ≤ r ≤ reach[j] and gcds[j] divides r; every candidate keeps that true for
// the next level, so the last level always succeeds and the one before it whenever it has
// a candidate at all (`lastTwoDown`).
function fillDown(w: Workspace, j: number, r: number): boolean {
  const n = w.n;
  if (j === n - 1) { w.x[j] = r / w.ta[j]!; return true; }
  if (j === n - 2) return lastTwoDown(w, j, r);
  if (knownDead(w, j, r)) return false;
  const a = w.ta[j]!;
  const s = w.step[j]!;
  let hi = Math.min(w.tu[j]!, Math.floor(r / a));
  const lo = Math.max(0, -Math.floor((w.reach[j + 1]! - r) / a));
  if (s !== 1) hi -= mod(hi - residue(w, j, r, s), s);
  const last = j + 1 === n - 2;
  for (let x = hi; x >= lo; x -= s) {
    w.x[j] = x;
    if (last ? lastTwoDown(w, j + 1, r - a * x) : fillDown(w, j + 1, r - a * x)) return true;
  }
  markDead(w, j, r);
  return false;
}

// `fillDown` on the last two levels (j = n − 2): any candidate will do.
function lastTwoDown(w: Workspace, j: number, r: number): boolean {
  const a = w.ta[j]!;
  const s = w.step[j]!;
  let hi = Math.min(w.tu[j]!, Math.floor(r / a));
  if (s !== 1) hi -= mod(hi - residue(w, j, r, s), s);
  if (hi < Math.max(0, -Math.floor((w.reach[j + 1]! - r) / a))) return false;
  w.x[j] = hi;
  w.x[j + 1] = (r - a * hi) / w.ta[j + 1]!;
  return true;
}

// ---------------------------------------------------------------------------------------
// Overlap problems built from layouts.

function inputError(l: Layout, other: Layout | null, maxWork: MaxWork): string | undefined {
  return layoutError(l) ?? (other ? layoutError(other) : undefined) ?? maxWorkError(maxWork);
}

// NumPy's solve_may_have_internal_overlap, the solution left in `w`; `BAD` when the layout is
// not valid (`layoutError` says why). `quickYes` (verdict only, exact budget) also answers
// yes at once when the elements hold more bytes than the extent (two must share one), or
// when one coefficient is q ≤ ub times another: one step along the first equals q steps
// along the second.
function internalCore(w: Workspace, l: Layout, maxWork: number, quickYes: boolean): Code | typeof BAD {
  const { shape, strides, itemsize } = l;
  const nd = shape.length;
  if (strides.length !== nd || !Number.isSafeInteger(itemsize) || itemsize < 0 || !Number.isSafeInteger(l.offset)) return BAD;
  // NumPy's quick exit first: a C-contiguous view (any empty dimension makes one) has no
  // overlap. Checked from the last dimension (the rules of `contiguityFlags`), it usually
  // stops after a dimension or two when the view is not; a view that is has then had
  // `layoutError`'s checks on every dimension.
  let expected = itemsize;
  let cOrder = true;
  let empty = false;
  let k = nd - 1;
  for (; k >= 0; k--) {
    const m = shape[k]!;
    const s = strides[k]!;
    if (!Number.isSafeInteger(m) || m < 0 || !Number.isSafeInteger(s)) return BAD;
    if (m === 0) empty = true;
    else if (cOrder && m !== 1) {
      if (s !== expected) { cOrder = false; if (!empty) break; }
      expected *= m;
    }
  }
  if (k < 0 && (cOrder || empty)) return NO;
  // One pass over the dimensions: the rest of `layoutError`'s checks, NumPy's F flag, the
  // first zero stride along a dimension longer than 1, the element count, the extent's
  // bytes, and the terms a = |stride|, ub = n − 1 of the dimensions that move, ordered in
  // `order` as NumPy's stable sort orders them (larger a first, ties by dimension). Past 2^53
  // the float products and sums round monotonically: no safe-integer stride equals a rounded
  // product, and a rounded count passes the exact extent only if the true count does.
  const { absS, order } = w;
  let fortran = true;
  let zeroStride = -1;
  let elements = 1;
  let span = itemsize;
  let n = 0;
  for (let i = 0; i < nd; i++) {
    const m = shape[i]!;
    const s = strides[i]!;
    if (!Number.isSafeInteger(m) || m < 0 || !Number.isSafeInteger(s)) return BAD;
    if (m <= 1) { empty ||= m === 0; continue; }
    if (s === 0 && zeroStride < 0) zeroStride = i;
    if (fortran && s !== elements * itemsize) fortran = false;
    elements *= m;
    const a = s < 0 ? -s : s;
    span += (m - 1) * a;
    absS[i] = a;
    let j = n - 1;
    for (; j >= 0 && absS[order[j]!]! < a; j--) order[j + 1] = order[j]!;
    order[j + 1] = i;
    n++;
  }
  if (empty) return NO; // C-contiguous by NumPy's rule
  if (zeroStride >= 0) { w.zeroDim = zeroStride; return YES; } // as in NumPy
  if (maxWork < 0) {
    // Exact budget only (a budget must run out where NumPy's does): an F-contiguous view
    // covers its extent once, element bytes outnumbering the extent's mean an overlap, and
    // when each coefficient exceeds everything the smaller ones reach (the byte within the
    // element reaching itemsize − 1) every byte has one index.
    if (fortran) return NO;
    if (quickYes && span <= SAFE && elements * itemsize > span) return YES;
    let reach = itemsize > 1 ? itemsize - 1 : 0;
    let j = n - 1;
    for (; j >= 0; j--) {
      const k = order[j]!;
      if (absS[k]! <= reach) break;
      reach += absS[k]! * (shape[k]! - 1);
    }
    if (j < 0) return NO;
  }
  // The terms in order, then the byte within the element (a = 1, the smallest: last).
  const { ra, ru, rd, ta, tu } = w;
  for (let j = 0; j < n; j++) {
    const k = order[j]!;
    ra[j] = absS[k]!;
    ru[j] = shape[k]! - 1;
    rd[j] = k;
  }
  if (itemsize > 1) { ra[n] = 1; ru[n] = itemsize - 1; rd[n] = -1; n++; }
  if (maxWork < 0 && quickYes) {
    for (let i = 0; i < n; i++) {
      for (let k = i + 1; k < n; k++) {
        if (ra[i]! > ru[k]! * ra[k]!) continue; // ra is decreasing: q ≥ 1; is q ≤ ub?
        const q = ra[i]! / ra[k]!;
        if (q === Math.floor(q)) return YES;
      }
    }
  }
  // z = x + x' with 0 ≤ z ≤ 2·ub, Σ a·z = Σ a·ub and z ≠ ub (see mem_overlap.c).
  let b = 0;
  for (let j = 0; j < n; j++) {
    ta[j] = ra[j]!;
    tu[j] = 2 * ru[j]!; // exact: doubling a safe integer
    b += ra[j]! * ru[j]!;
  }
  if (b <= SAFE && fitsNumbers(w, n, b)) return solveNumbers(w, n, b, maxWork, true);
  const ubs: bigint[] = [];
  let big = 0n;
  for (let j = 0; j < n; j++) {
    ubs.push(BigInt(tu[j]!));
    big += BigInt(ra[j]!) * BigInt(ru[j]!);
  }
  return solveBig(w, n, ubs, big, maxWork, true);
}

// Raw terms |stride|·x, x ≤ n − 1, of the dimensions that move (n > 1, stride ≠ 0), after n raw terms.
function dimTerms(w: Workspace, n: number, l: Layout, view: 0 | 1): number {
  const { shape, strides } = l;
  for (let k = 0; k < shape.length; k++) {
    const s = strides[k]!;
    if (shape[k]! > 1 && s !== 0) insertRaw(w, n++, s < 0 ? -s : s, shape[k]! - 1, view, k);
  }
  return n;
}

// A contiguous view covers every byte of its extent; the other view's lowest and highest
// bytes are its own, so it shares memory with the first when either lies in that extent.
function coversOther(l: Layout, low: number, high: number, otherLow: number, otherHigh: number): boolean {
  return (otherLow >= low || otherHigh <= high) && contiguityFlags(l) !== 0;
}

// NumPy's solve_may_share_memory on valid layouts, the solution left in `w`. `quickYes`
// (verdict only, exact budget) also answers yes at once when a contiguous view covers a byte
// the other surely has.
function sharesCore(w: Workspace, a: Layout, b: Layout, maxWork: number, quickYes: boolean): Code {
  // Problem 1: byte = low(a) + Σ|s|·x (a counted from its low end) = high(b) − 1 − Σ|s|·x' (b from its high end).
  // Problem 2 swaps the roles; NumPy takes the one with the smaller right-hand side (the second on a tie).
  let rhs = 0;
  let rhsBig: bigint | null = null;
  let rhs1 = SAFE + 1;
  let rhs2 = SAFE + 1;
  const e = w.extents;
  if (extentInto(a, e, 0) && extentInto(b, e, 2)) {
    const aLow = e[0]!, aHigh = e[1]!, bLow = e[2]!, bHigh = e[3]!;
    if (!(aLow < bHigh && bLow < aHigh && aLow < aHigh && bLow < bHigh)) return NO;
    if (quickYes && maxWork < 0 && (coversOther(a, aLow, aHigh, bLow, bHigh) || coversOther(b, bLow, bHigh, aLow, aHigh))) return YES;
    rhs1 = bHigh - 1 - aLow;
    rhs2 = aHigh - 1 - bLow;
  }
  if (rhs1 <= SAFE && rhs2 <= SAFE) { // a float difference of safe integers ≤ 2^53 − 1 is exact
    w.fromLow = rhs1 < rhs2 ? 0 : 1;
    rhs = w.fromLow === 0 ? rhs1 : rhs2;
  } else {
    const ea = extent(a);
    const eb = extent(b);
    if (!(ea.low < eb.high && eb.low < ea.high && ea.low < ea.high && eb.low < eb.high)) return NO;
    const r1 = eb.high - 1n - ea.low;
    const r2 = ea.high - 1n - eb.low;
    w.fromLow = r1 < r2 ? 0 : 1;
    rhsBig = w.fromLow === 0 ? r1 : r2;
  }
  if (maxWork === 0) return HARD;
  let n = dimTerms(w, 0, a, 0);
  n = dimTerms(w, n, b, 1);
  if (a.itemsize > 1) insertRaw(w, n++, 1, a.itemsize - 1, 0, -1);
  if (b.itemsize > 1) insertRaw(w, n++, 1, b.itemsize - 1, 1, -1);
  // NumPy's diophantine_simplify: merge equal coefficients, trim bounds to b/a, drop zero bounds.
  const { ra, ru, ta, tu, ts, te } = w;
  let m = 0;
  if (rhsBig === null) {
    for (let i = 0; i < n;) {
      const start = i;
      const coef = ra[i]!;
      let sum = 0;
      for (; i < n && ra[i]! === coef; i++) sum += ru[i]!;
      let cap = Math.floor(rhs / coef); // rhs may pass 2^51: correct a quotient rounded up onto an integer
      if (cap * coef > rhs) cap--;
      // A float sum past 2^53 − 1 means a true sum past it, far above cap ≤ rhs ≤ 2^53 − 1.
      const ub = sum < cap ? sum : cap;
      if (ub !== 0) { ta[m] = coef; tu[m] = ub; ts[m] = start; te[m] = i; m++; }
    }
    if (fitsNumbers(w, m, rhs)) return maxWork >= 0 ? solveNumbers(w, m, rhs, maxWork, false) : sharesExact(w, m, rhs);
    const ubs: bigint[] = [];
    for (let j = 0; j < m; j++) ubs.push(BigInt(tu[j]!));
    return solveBig(w, m, ubs, BigInt(rhs), maxWork, false);
  }
  const ubs: bigint[] = [];
  for (let i = 0; i < n;) {
    const start = i;
    const coef = ra[i]!;
    let sum = 0n;
    for (; i < n && ra[i]! === coef; i++) sum += BigInt(ru[i]!);
    const cap = rhsBig / BigInt(coef);
    const ub = sum < cap ? sum : cap;
    if (ub !== 0n) { ta[m] = coef; ts[m] = start; te[m] = i; ubs.push(ub); m++; }
  }
  return solveBig(w, m, ubs, rhsBig, maxWork, false);
}

// Byte address of an element: plain numbers when the extent is (then every partial sum is exact).
function addressOf(l: Layout, index: readonly number[]): bigint {
  if (!extentNumber(l)) return elementAddress(l, index);
  let a = l.offset;
  for (let k = 0; k < index.length; k++) a += index[k]! * l.strides[k]!;
  return BigInt(a);
}

function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

// The witness of the solution `sharesCore` left in `w`: share each merged term's value among
// the raw terms it covers, each up to its own bound, then turn the counts into indices.
function sharesWitness(w: Workspace, a: Layout, b: Layout): OverlapWitness {
  const idx: [number[], number[]] = [zeros(a.shape.length), zeros(b.shape.length)];
  const bytes = [0, 0];
  for (let j = 0; j < w.n; j++) {
    const v = w.bigX ? w.bigX[j]! : w.x[j]!;
    let rest = typeof v === 'number' ? v : 0;
    let restBig = typeof v === 'bigint' ? v : 0n;
    for (let r = w.ts[j]!; r < w.te[j]!; r++) {
      const ub = w.ru[r]!;
      let take: number;
      if (typeof v === 'number') { take = Math.min(rest, ub) + 0; rest -= take; } // + 0 turns −0 into 0
      else { const t = restBig < BigInt(ub) ? restBig : BigInt(ub); take = Number(t); restBig -= t; }
      if (w.rd[r]! < 0) bytes[w.rv[r]!] = take;
      else idx[w.rv[r]!]![w.rd[r]!] = take;
    }
  }
  const views = [a, b] as const;
  for (const v of [0, 1] as const) {
    const l = views[v];
    for (let k = 0; k < l.shape.length; k++) {
      const counted = v === w.fromLow ? l.strides[k]! >= 0 : l.strides[k]! < 0; // the count runs up from index 0
      if (!counted) idx[v][k] = l.shape[k]! - 1 - idx[v][k]!;
    }
  }
  const start = addressOf(views[w.fromLow], idx[w.fromLow]);
  return { first: idx[0], second: idx[1], byte: start + BigInt(bytes[w.fromLow]!) };
}

// The witness of the solution `internalCore` left in `w`: split each z into x0' = min(z, ub)
// and x1' = z − x0' (both ≤ ub, so safe integers), then undo the sign mapping per stride.
function internalWitness(w: Workspace, l: Layout): OverlapWitness {
  const first = zeros(l.shape.length);
  const second = zeros(l.shape.length);
  if (w.zeroDim >= 0) {
    second[w.zeroDim] = 1;
    return { first, second, byte: elementAddress(l, first) };
  }
  let byte0 = 0;
  for (let j = 0; j < w.n; j++) {
    const ub = w.tu[j]! / 2;
    const z = w.bigX ? w.bigX[j]! : w.x[j]!;
    const x0p = typeof z === 'number' ? Math.min(z, ub) + 0 : Number(z < BigInt(ub) ? z : BigInt(ub));
    const x1p = typeof z === 'number' ? z - x0p + 0 : Number(z - BigInt(x0p));
    const dim = w.rd[j]!;
    if (dim < 0) { byte0 = x0p; continue; }
    const positive = l.strides[dim]! > 0;
    first[dim] = positive ? x0p : ub - x0p;
    second[dim] = positive ? ub - x1p : x1p;
  }
  return { first, second, byte: addressOf(l, first) + BigInt(byte0) };
}

const VERDICTS: readonly OverlapVerdict[] = [false, true, 'too-hard'];
const VERDICT_RESULTS: readonly Result<OverlapVerdict>[] = VERDICTS.map((verdict) => Object.freeze({ ok: true as const, value: verdict }));
const NO_WITNESS_RESULTS: readonly Result<OverlapResult>[] = VERDICTS.map((verdict) => Object.freeze({ ok: true as const, value: Object.freeze({ verdict, witness: null }) }));

/** NumPy's `shares_memory(a, b, max_work)` for two views on one buffer (offsets from its start), with a witness when they share. */
export function sharesMemory(a: Layout, b: Layout, maxWork: MaxWork = 'exact'): Result<OverlapResult> {
  const err = inputError(a, b, maxWork);
  if (err) return { ok: false, error: err };
  const w = workspaceFor(a.shape.length + b.shape.length + 2);
  const code = sharesCore(w, a, b, budget(maxWork), false);
  if (code !== YES) return NO_WITNESS_RESULTS[code]!;
  return { ok: true, value: { verdict: true, witness: sharesWitness(w, a, b) } };
}

/** NumPy's `shares_memory(a, b, max_work)` verdict alone: `sharesMemory` without building the witness. */
export function sharesMemoryVerdict(a: Layout, b: Layout, maxWork: MaxWork = 'exact'): Result<OverlapVerdict> {
  const err = inputError(a, b, maxWork);
  if (err) return { ok: false, error: err };
  return VERDICT_RESULTS[sharesCore(workspaceFor(a.shape.length + b.shape.length + 2), a, b, budget(maxWork), true)]!;
}

/** NumPy's internal-overlap test (`solve_may_have_internal_overlap`): do two different indices of the view reach a common byte? */
export function internalOverlap(l: Layout, maxWork: MaxWork = 'exact'): Result<OverlapResult> {
  const budgetError = maxWorkError(maxWork);
  if (budgetError) return { ok: false, error: layoutError(l) ?? budgetError };
  const w = workspaceFor(l.shape.length + 1);
  const code = internalCore(w, l, budget(maxWork), false);
  if (code === BAD) return { ok: false, error: layoutError(l)! };
  if (code !== YES) return NO_WITNESS_RESULTS[code]!;
  return { ok: true, value: { verdict: true, witness: internalWitness(w, l) } };
}

/** NumPy's internal-overlap verdict alone: `internalOverlap` without building the witness. */
export function internalOverlapVerdict(l: Layout, maxWork: MaxWork = 'exact'): Result<OverlapVerdict> {
  const budgetError = maxWorkError(maxWork);
  if (budgetError) return { ok: false, error: layoutError(l) ?? budgetError };
  const code = internalCore(workspaceFor(l.shape.length + 1), l, budget(maxWork), true);
  return code === BAD ? { ok: false, error: layoutError(l)! } : VERDICT_RESULTS[code]!;
}
