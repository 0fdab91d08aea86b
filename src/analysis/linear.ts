/**
 * Integers the analysis knows exactly or only symbolically.
 *
 * A `Lin` is `c + Σ coef·atom`, where an atom is a quantity of an array the code does not
 * describe (`image.shape[0]`, `image.strides[1]`, `image.itemsize`) or the floor quotient of
 * such a sum by a positive constant (`image.shape[0] // 2`) or by a symbolic value
 * (`(n - w) // hop`), or a product of symbolic values (`hop * x.strides[0]`). A `Lin` without
 * atoms is a plain number. The constant `c` is exact at any size (Python's integers are:
 * `2**62` and `-2**63` are values, not unknowns), up to `MAX_BITS` bits so work stays
 * bounded; coefficients of atoms stay safe integers. Anything past either becomes unknown.
 */

/** The longest quotient atom kept (as printed); longer ones make the value unknown. */
export const MAX_ATOM_TEXT = 160;

/** An array quantity the code does not pin down, or `⌊num / den⌋`. */
export type Atom =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'floordiv'; readonly num: Lin; readonly den: number }
  /** `⌊num / den⌋` for a symbolic `den` (`(x.shape[0] - w) // hop`). */
  | { readonly kind: 'quot'; readonly num: Lin; readonly den: Lin }
  /** A product of symbolic values (`hop_length * x.strides[0]`), factors in printed order. */
  | { readonly kind: 'mul'; readonly factors: readonly Lin[] };

export interface Term {
  readonly coef: number;
  readonly atom: Atom;
}

/** Largest constant kept, in bits (far past any size or stride a machine has). */
export const MAX_BITS = 1024;
const MAX_BIG = 1n << BigInt(MAX_BITS);

/** `c + Σ terms[key].coef · terms[key].atom`; keys are the atoms' printed forms. */
export interface Lin {
  readonly c: bigint;
  readonly terms: Readonly<Record<string, Term>>;
}

const NO_TERMS: Readonly<Record<string, Term>> = Object.freeze({});

/** The constant `n` (an integer; a `number` must be a safe one). */
export function lin(n: number | bigint): Lin {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`lin(${n}): not a safe integer`);
  return { c: BigInt(n), terms: NO_TERMS };
}

/** The constant `n`, or `undefined` past `MAX_BITS` bits. */
export function linBig(n: bigint): Lin | undefined {
  return n >= MAX_BIG || n <= -MAX_BIG ? undefined : { c: n, terms: NO_TERMS };
}

/** The symbolic quantity named `name` (e.g. `image.shape[0]`). */
export function linVar(name: string): Lin {
  return { c: 0n, terms: { [name]: { coef: 1, atom: { kind: 'var', name } } } };
}

/** The exact value when `e` has no atoms. */
export function constBig(e: Lin): bigint | undefined {
  if (e.terms === NO_TERMS) return e.c;
  for (const _ in e.terms) return undefined;
  return e.c;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The value when `e` has no atoms and is a safe integer (callers that need more use `constBig`). */
export function constOf(e: Lin): number | undefined {
  const c = constBig(e);
  return c !== undefined && c >= MIN_SAFE && c <= MAX_SAFE ? Number(c) : undefined;
}

/** Whether `e` mentions no atom. */
export function isConst(e: Lin): boolean {
  return constBig(e) !== undefined;
}

function safe(n: number): number | undefined {
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A coefficient as a safe integer, or `undefined`. */
function safeBig(n: bigint): number | undefined {
  return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : undefined;
}

/** `a + k·b`, or `undefined` when a coefficient leaves the safe-integer range. */
export function linAdd(a: Lin, b: Lin, k = 1): Lin | undefined {
  const c = a.c + BigInt(k) * b.c;
  if (c >= MAX_BIG || c <= -MAX_BIG) return undefined;
  if (b.terms === NO_TERMS) return a.terms === NO_TERMS ? { c, terms: NO_TERMS } : { c, terms: a.terms };
  const terms: Record<string, Term> = { ...a.terms };
  for (const [key, t] of Object.entries(b.terms)) {
    const coef = safe((terms[key]?.coef ?? 0) + k * t.coef);
    if (coef === undefined) return undefined;
    if (coef === 0) delete terms[key];
    else terms[key] = { coef, atom: t.atom };
  }
  for (const _ in terms) return { c, terms };
  return { c, terms: NO_TERMS };
}

/** `a − b`. */
export function linSub(a: Lin, b: Lin): Lin | undefined {
  return linAdd(a, b, -1);
}

/**
 * `a · b`. With a constant side, exact; else one product atom (its factors' constant parts
 * kept inside: `(n - 1) * s`), the same atom whichever order the code multiplies in.
 */
export function linMul(a: Lin, b: Lin): Lin | undefined {
  const ka = constBig(a);
  const kb = constBig(b);
  if (ka !== undefined) return linScale(b, ka);
  if (kb !== undefined) return linScale(a, kb);
  const factors: Lin[] = [];
  for (const f of [a, b]) {
    const only = soleAtom(f);
    if (only?.kind === 'mul') factors.push(...only.factors);
    else factors.push(f);
  }
  factors.sort((x, y) => (linText(x) < linText(y) ? -1 : linText(x) > linText(y) ? 1 : 0));
  const atom: Atom = { kind: 'mul', factors };
  const key = atomText(atom);
  if (key.length > MAX_ATOM_TEXT) return undefined;
  return { c: 0n, terms: { [key]: { coef: 1, atom } } };
}

/** The atom when `e` is exactly one atom with coefficient 1 and no constant. */
function soleAtom(e: Lin): Atom | undefined {
  if (e.c !== 0n) return undefined;
  const ts = Object.values(e.terms);
  return ts.length === 1 && ts[0]!.coef === 1 ? ts[0]!.atom : undefined;
}

/** `k · a`. */
export function linScale(a: Lin, k: number | bigint): Lin | undefined {
  const kb = BigInt(k);
  if (kb === 0n) return lin(0);
  if (a.terms === NO_TERMS) return linBig(a.c * kb);
  if (kb === 1n) return a;
  const kn = safeBig(kb);
  if (kn === undefined) return undefined;
  const c = a.c * kb;
  if (c >= MAX_BIG || c <= -MAX_BIG) return undefined;
  const terms: Record<string, Term> = {};
  for (const [key, t] of Object.entries(a.terms)) {
    const coef = safe(t.coef * kn);
    if (coef === undefined) return undefined;
    terms[key] = { coef, atom: t.atom };
  }
  return { c, terms };
}

/**
 * Python's `a // b` for a positive constant `b`. Exact when `a` is constant or every
 * coefficient is a multiple of `b`; otherwise a floor atom, after moving whole multiples of
 * `b` out of the constant (`(n − 4) // 2 = n // 2 − 2`) so equal quotients print alike. For
 * a symbolic `b`, a quotient atom; for a constant `b ≤ 0`, unknown.
 */
export function linFloorDiv(a: Lin, b: Lin): Lin | undefined {
  const db = constBig(b);
  const ka = constBig(a);
  if (ka !== undefined && db !== undefined) return db === 0n ? undefined : lin(floorDiv(ka, db));
  if (db === undefined) return quotient(a, b);
  const d = constOf(b);
  if (d === undefined || d <= 0) return undefined;
  const dn = BigInt(d);
  if (Object.values(a.terms).every((t) => t.coef % d === 0)) {
    let out: Lin = lin(floorDiv(a.c, dn));
    for (const [key, t] of Object.entries(a.terms)) {
      out = { c: out.c, terms: { ...out.terms, [key]: { coef: t.coef / d, atom: t.atom } } };
    }
    return out;
  }
  const whole = floorDiv(a.c, dn);
  const num: Lin = { c: a.c - whole * dn, terms: a.terms };
  const atom: Atom = { kind: 'floordiv', num, den: d };
  const key = atomText(atom);
  // Quotients of quotients grow with each step (`n = (n + 1) // 2` in a loop of thousands):
  // past a printed length no hint could show, the value is unknown, so the work stays bounded.
  if (key.length > MAX_ATOM_TEXT) return undefined;
  return { c: whole, terms: { [key]: { coef: 1, atom } } };
}

/** `a // b` for a symbolic `b`: one quotient atom (`0 // b` is 0). */
function quotient(a: Lin, b: Lin): Lin | undefined {
  if (constBig(a) === 0n) return lin(0);
  const atom: Atom = { kind: 'quot', num: a, den: b };
  const key = atomText(atom);
  if (key.length > MAX_ATOM_TEXT) return undefined;
  return { c: 0n, terms: { [key]: { coef: 1, atom } } };
}

/** Python's `a // b` on integers (rounds toward −∞; `b` ≠ 0). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** Python's `a % b` for constants (the sign of `b`). */
export function linMod(a: Lin, b: Lin): Lin | undefined {
  const ka = constBig(a);
  const kb = constBig(b);
  if (ka === undefined || kb === undefined || kb === 0n) return undefined;
  return lin(((ka % kb) + kb) % kb);
}

/** Python's `a ** b` for constants with `b ≥ 0`, while the result stays within `MAX_BITS` bits. */
export function linPow(a: Lin, b: Lin): Lin | undefined {
  const x = constBig(a);
  const y = constBig(b);
  if (x === undefined || y === undefined || y < 0n) return undefined;
  const bits = BigInt((x < 0n ? -x : x).toString(2).length);
  if (x !== 0n && x !== 1n && x !== -1n && bits - 1n > BigInt(MAX_BITS) / (y === 0n ? 1n : y)) return undefined;
  return linBig(x ** y);
}

/** Whether `a` and `b` are the same expression. */
export function linEqual(a: Lin, b: Lin): boolean {
  const d = linSub(a, b);
  return d !== undefined && constOf(d) === 0;
}

/**
 * What a lower bound took for granted: the least value of each symbol it assumed (`w ≥ 0` for
 * a symbol counted as non-negative, `hop ≥ 1` for a divisor). Array sizes need no entry.
 */
export type Assumed = Map<string, number>;

/** Atoms that are sizes of arrays, never negative: `x.shape[0]`, `x.itemsize`, `self.a′.shape[-1]`. */
const ARRAY_SIZE = /\.(?:shape\[-?\d+\]|itemsize)$/;

function assume(into: Assumed | undefined, name: string, least: number): void {
  if (into && !ARRAY_SIZE.test(name)) into.set(name, Math.max(into.get(name) ?? least, least));
}

/**
 * A lower bound on `e` that holds for every value of its atoms when every `var` atom is a
 * non-negative integer: `undefined` when none is known. Floor and quotient atoms are bounded
 * through their numerators (`termBound`). What the bound took of a symbol that is not an
 * array's size goes into `assumed`, for the caller to state as a requirement.
 */
export function linLowerBound(e: Lin, assumed?: Assumed): number | undefined {
  const mine: Assumed = new Map();
  // Quotients are replaced by bounds in their numerators' terms first, so that what those
  // bring (`dilation * (kh - 1)` in `(n - dilation * (kh - 1) - 1) // s`) can cancel against
  // the rest of `e` before what is left is bounded.
  let rest: Lin | undefined = e;
  for (let round = 0; round < MAX_BOUND_ROUNDS && rest; round++) {
    const all: [string, Term][] = Object.entries(rest.terms);
    const bounded = (t: Term): boolean => t.atom.kind !== 'var' && (t.atom.kind !== 'mul' || quotientProduct(t.atom) !== undefined);
    const quotients = all.filter(([, t]) => bounded(t));
    if (quotients.length === 0) break;
    let next: Lin | undefined = { c: rest.c, terms: Object.fromEntries(all.filter(([, t]) => !bounded(t))) };
    for (const [, t] of quotients) {
      const low: Lin | undefined = next && termBound(t, mine);
      next = low && linAdd(next!, low);
    }
    rest = next;
  }
  if (!rest) return undefined;
  // var atoms are ≥ 0, so positive multiples only add; a negative one has no lower bound.
  for (const t of Object.values(rest.terms)) {
    if (t.atom.kind !== 'var' || t.coef < 0) return undefined;
    assume(mine, t.atom.name, 0);
  }
  for (const [name, least] of mine) assume(assumed, name, least);
  // A bound past the safe range is loosened to one inside it (still a lower bound).
  return rest.c > MAX_SAFE ? Number.MAX_SAFE_INTEGER : safeBig(rest.c);
}

/** Rounds of replacing quotients by bounds (a numerator may hold another quotient). */
const MAX_BOUND_ROUNDS = 4;

/** The quotient and divisor of `h·(⌊A / h⌋ + k)`, the factors in either order, else `undefined`. */
function quotientProduct(atom: Extract<Atom, { kind: 'mul' }>): { q: Extract<Atom, { kind: 'quot' }>; k: bigint; h: Lin } | undefined {
  if (atom.factors.length !== 2) return undefined;
  for (const [i, f] of atom.factors.entries()) {
    const h = atom.factors[1 - i]!;
    const ts = Object.values(f.terms);
    const q = ts.length === 1 && ts[0]!.coef === 1 ? ts[0]!.atom : undefined;
    if (q?.kind === 'quot' && linEqual(q.den, h)) return { q, k: f.c, h };
  }
  return undefined;
}

/** Whether `e ≥ least` for every value of its atoms (recording what it took in `assumed`). */
function atLeast(e: Lin, least: number, assumed: Assumed): boolean {
  const mine: Assumed = new Map();
  const lb = linLowerBound(e, mine);
  if (lb === undefined || lb < least) return false;
  for (const [name, v] of mine) assume(assumed, name, v);
  return true;
}

/**
 * A `Lin` at most `t.coef · t.atom` for every value of the atoms, in terms the caller can
 * cancel, or `undefined`. For `q = ⌊A / h⌋` with `h ≥ 1`: `A − h + 1 ≤ h·q ≤ A` (constant
 * `h`: `k·⌊x/k⌋`), and `0 ≤ q ≤ A` when `A ≥ 0`. A symbolic `h` is assumed `≥ 1`. Only
 * these products have a bound: the sign of any other depends on its factors'.
 */
function termBound(t: Term, assumed: Assumed): Lin | undefined {
  const { coef, atom } = t;
  if (atom.kind === 'var') return undefined; // bounded by the caller (`linLowerBound`)
  if (atom.kind === 'floordiv') {
    if (coef % atom.den !== 0) return undefined;
    return productBound(coef / atom.den, atom.num, lin(atom.den));
  }
  if (atom.kind === 'quot') {
    const mine: Assumed = new Map();
    if (!divisor(atom.den, mine) || !atLeast(atom.num, 0, mine)) return undefined;
    for (const [name, v] of mine) assume(assumed, name, v);
    return coef > 0 ? lin(0) : linScale(atom.num, coef);
  }
  // h·(⌊A / h⌋ + k) (`(n_frames - 1) * hop` with `n_frames = (n - w) // hop + 1`):
  // h·⌊A / h⌋ bounded as above, plus k·h.
  const p = quotientProduct(atom);
  if (!p || !divisor(p.h, assumed)) return undefined;
  const low = productBound(coef, p.q.num, p.h);
  const extra = linScale(p.h, p.k);
  const scaled = extra && linScale(extra, coef);
  return low && scaled && linAdd(low, scaled);
}

/**
 * Whether divisor `h` is ≥ 1: proven, or else taken and recorded (`hop ≥ 1`,
 * `nperseg - noverlap ≥ 1`); a constant below 1 is not.
 */
function divisor(h: Lin, assumed: Assumed): boolean {
  const c = constBig(h);
  if (c !== undefined) return c >= 1n;
  if (!atLeast(h, 1, assumed)) assume(assumed, linText(h), 1);
  return true;
}

/** A lower bound on `m · h·⌊A / h⌋` for `h ≥ 1`: `m·A` when `m < 0`, `m·(A − h + 1)` otherwise. */
function productBound(m: number, A: Lin, h: Lin): Lin | undefined {
  if (m < 0) return linScale(A, m);
  const low = linSub(A, h);
  return low && linScale(linAdd(low, lin(1)) ?? low, m);
}

/** The text of an atom as Python would write it. */
export function atomText(a: Atom): string {
  if (a.kind === 'var') return a.name;
  // `*` and `//` group left to right: a quotient after the first factor needs its parentheses.
  if (a.kind === 'mul') return a.factors.map((f, i) => (isConst(f) || (soleAtom(f) && (i === 0 || soleAtom(f)!.kind === 'var' || soleAtom(f)!.kind === 'mul')) ? linText(f) : `(${linText(f)})`)).join(' * ');
  const inner = linText(a.num);
  const num = isConst(a.num) || Object.keys(a.num.terms).length === 1 && a.num.c === 0n ? inner : `(${inner})`;
  if (a.kind === 'floordiv') return `${num} // ${a.den}`;
  const den = soleAtom(a.den)?.kind === 'var' || (constBig(a.den) ?? -1n) >= 0n ? linText(a.den) : `(${linText(a.den)})`;
  return `${num} // ${den}`;
}

/** `e` as Python source: `image.shape[0] - 2`, `image.strides[0] * 2`. */
export function linText(e: Lin): string {
  const parts: string[] = [];
  for (const t of Object.values(e.terms)) {
    const name = atomText(t.atom);
    const mag = Math.abs(t.coef);
    const body = mag === 1 ? name : `${name} * ${mag}`;
    // A leading minus binds tighter than `//`: `-(n // 2)`, not `-n // 2`.
    const quotient = mag === 1 && (t.atom.kind === 'floordiv' || t.atom.kind === 'quot');
    if (parts.length === 0) parts.push(t.coef < 0 ? (quotient ? `-(${body})` : `-${body}`) : body);
    else parts.push(t.coef < 0 ? `- ${body}` : `+ ${body}`);
  }
  if (parts.length === 0) return String(e.c);
  if (e.c !== 0n) parts.push(e.c < 0n ? `- ${-e.c}` : `+ ${e.c}`);
  return parts.join(' ');
}

/** The atoms `e` mentions, by printed name. */
export function linAtoms(e: Lin): string[] {
  return Object.keys(e.terms);
}
