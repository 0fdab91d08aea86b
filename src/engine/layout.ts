/**
 * Strided layouts in NumPy's terms.
 *
 * A layout is the header of an array: `shape` (elements per dimension), `strides` (bytes
 * to step one index along each dimension, any sign), `offset` (bytes from the start of the
 * buffer to element [0, …, 0]) and `itemsize` (bytes per element). The element at index
 * `i` starts at byte `offset + Σ i[k]·strides[k]` and covers `itemsize` bytes.
 *
 * Inputs are plain numbers that must be safe integers; every product and sum that can pass
 * 2^53 (sizes, extents, addresses) is computed and returned as a `bigint`, so the answers
 * are exact for any shape NumPy accepts.
 */

export interface Layout {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly itemsize: number;
}

/** Half-open byte range `[low, high)` that a view may touch; `low === high` when empty. */
export interface Extent {
  readonly low: bigint;
  readonly high: bigint;
}

/** Why a layout is not well formed, naming the bad value; `undefined` when it is fine. */
export function layoutError(l: Layout): string | undefined {
  if (l.shape.length !== l.strides.length) {
    return `shape has ${l.shape.length} dimensions but strides has ${l.strides.length}: shape (${l.shape.join(', ')}), strides (${l.strides.join(', ')})`;
  }
  for (let k = 0; k < l.shape.length; k++) {
    const n = l.shape[k]!;
    if (!Number.isSafeInteger(n) || n < 0) return `shape[${k}] = ${n} is not a non-negative integer`;
  }
  for (let k = 0; k < l.strides.length; k++) {
    const s = l.strides[k]!;
    if (!Number.isSafeInteger(s)) return `strides[${k}] = ${s} is not an integer`;
  }
  if (!Number.isSafeInteger(l.offset)) return `offset ${l.offset} is not an integer`;
  if (!Number.isSafeInteger(l.itemsize) || l.itemsize < 0) return `itemsize ${l.itemsize} is not a non-negative integer`;
  return undefined;
}

/** Number of elements: the product of the shape (1 for a 0-d array). */
export function elementCount(l: Pick<Layout, 'shape'>): bigint {
  let n = 1n;
  for (const d of l.shape) n *= BigInt(d);
  return n;
}

/** Byte address of the element at `index` (relative to the buffer start). */
export function elementAddress(l: Layout, index: readonly number[]): bigint {
  let a = BigInt(l.offset);
  for (let k = 0; k < index.length; k++) a += BigInt(index[k]!) * BigInt(l.strides[k]!);
  return a;
}

/**
 * `extent` in plain numbers, `[low, high]`, or `null` when some partial sum leaves the safe
 * integer range (then only the bigint `extent` is exact). The fast path of the engine.
 */
export function extentNumber(l: Layout): [number, number] | null {
  return extentInto(l, PAIR, 0) ? [PAIR[0]!, PAIR[1]!] : null;
}

// Scratch for `extentNumber`, filled and read within one call: `extentInto` always gets a
// Float64Array, so that its stores stay monomorphic (a plain array as well made them slow).
const PAIR = new Float64Array(2);

/**
 * `extentNumber` without allocating: writes low and high to `out[at]` and `out[at + 1]` and
 * returns true, or returns false (and writes nothing) when only the bigint `extent` is exact.
 */
export function extentInto(l: Layout, out: Float64Array, at: number): boolean {
  const M = Number.MAX_SAFE_INTEGER;
  const base = l.offset;
  let low = base;
  let high = base + l.itemsize;
  let empty = false;
  let exact = true;
  for (let k = 0; k < l.shape.length; k++) {
    const n = l.shape[k]!;
    if (n === 0) empty = true;
    const reach = (n - 1) * l.strides[k]!;
    if (reach > M || reach < -M) exact = false;
    if (reach < 0) low += reach;
    else high += reach;
  }
  if (empty) { out[at] = base; out[at + 1] = base; return true; }
  // Each |reach| ≤ M and every partial sum ≤ |low| + |high| ≤ M keeps all the additions exact.
  if (!exact || Math.abs(low) + Math.abs(high) > M) return false;
  out[at] = low;
  out[at + 1] = high;
  return true;
}

/** Bytes the view may touch: NumPy's `byte_bounds` with `offset` as the origin. */
export function extent(l: Layout): Extent {
  const fast = extentNumber(l);
  if (fast) return { low: BigInt(fast[0]), high: BigInt(fast[1]) };
  return extentOfBigints(l.shape.map(BigInt), l.strides.map(BigInt), BigInt(l.offset), l.itemsize);
}

/** `extent` of a layout given in bigints: values past the safe-integer range (the analysis's `strides=(2**62,)`). */
export function extentOfBigints(shape: readonly bigint[], strides: readonly bigint[], offset: bigint, itemsize: number): Extent {
  if (shape.some((n) => n === 0n)) return { low: offset, high: offset };
  let low = offset;
  let high = offset + BigInt(itemsize);
  for (let k = 0; k < shape.length; k++) {
    const reach = (shape[k]! - 1n) * strides[k]!;
    if (reach < 0n) low += reach;
    else high += reach;
  }
  return { low, high };
}

export interface Bounds {
  /** Every byte the view reads lies in `[0, nbytes)`. */
  readonly inBounds: boolean;
  /** How far the extent reaches past the end of the buffer (0 when it does not). */
  readonly bytesPastEnd: bigint;
  /** How far the extent reaches before the start of the buffer (0 when it does not). */
  readonly bytesBeforeStart: bigint;
  /** The first index in C order whose element is not wholly inside the buffer. */
  readonly firstOutOfBoundsIndex: number[] | null;
}

/** Whether the view stays inside a buffer of `nbytes` bytes, and where it first leaves it. */
export function bounds(l: Layout, nbytes: bigint): Bounds {
  const fast = extentNumber(l);
  if (fast && nbytes <= BigInt(Number.MAX_SAFE_INTEGER)) {
    const [low, high] = fast;
    const n = Number(nbytes);
    const past = low === high || high <= n ? 0 : high - n;
    const before = low === high || low >= 0 ? 0 : -low;
    if (past === 0 && before === 0) return { inBounds: true, bytesPastEnd: 0n, bytesBeforeStart: 0n, firstOutOfBoundsIndex: null };
    return { inBounds: false, bytesPastEnd: BigInt(past), bytesBeforeStart: BigInt(before), firstOutOfBoundsIndex: firstOutOfBounds(l, nbytes) };
  }
  const e = extent(l);
  const empty = e.low === e.high;
  const past = empty || e.high <= nbytes ? 0n : e.high - nbytes;
  const before = empty || e.low >= 0n ? 0n : -e.low;
  const inBounds = past === 0n && before === 0n;
  return {
    inBounds,
    bytesPastEnd: past,
    bytesBeforeStart: before,
    firstOutOfBoundsIndex: inBounds ? null : firstOutOfBounds(l, nbytes),
  };
}

// Greedy in C order: at each dimension take the smallest index from which some element of
// the remaining dimensions still leaves the buffer. The rest can reach `fixed + i·s + max`
// and `fixed + i·s + min`, so each choice is a linear inequality in `i`, solved directly.
function firstOutOfBounds(l: Layout, nbytes: bigint): number[] {
  const nd = l.shape.length;
  const maxRest: bigint[] = new Array<bigint>(nd + 1).fill(0n);
  const minRest: bigint[] = new Array<bigint>(nd + 1).fill(0n);
  for (let k = nd - 1; k >= 0; k--) {
    const reach = BigInt(l.shape[k]! - 1) * BigInt(l.strides[k]!);
    maxRest[k] = maxRest[k + 1]! + (reach > 0n ? reach : 0n);
    minRest[k] = minRest[k + 1]! + (reach < 0n ? reach : 0n);
  }
  const limit = nbytes - BigInt(l.itemsize); // an element starting above this runs past the end
  const index: number[] = [];
  let fixed = BigInt(l.offset);
  for (let k = 0; k < nd; k++) {
    const s = BigInt(l.strides[k]!);
    const n = BigInt(l.shape[k]!);
    const hi = maxRest[k + 1]!;
    const lo = minRest[k + 1]!;
    // Out past the end: fixed + i·s + hi > limit. Out before the start: fixed + i·s + lo < 0.
    const leaves = (i: bigint) => fixed + i * s + hi > limit || fixed + i * s + lo < 0n;
    let i: bigint;
    if (leaves(0n)) i = 0n;
    else if (s > 0n) i = floorDiv(limit - hi - fixed, s) + 1n; // first i past the end
    else if (s < 0n) i = floorDiv(fixed + lo, -s) + 1n; // first i before the start: i·(−s) > fixed + lo
    else i = n; // zero stride: no index along this axis changes the answer
    if (i < 0n) i = 0n;
    if (i >= n) i = n - 1n; // cannot happen when the view leaves the buffer; keeps the index valid
    index.push(Number(i));
    fixed += i * s;
  }
  return index;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** NumPy's C_CONTIGUOUS flag: length-1 dimensions are ignored; any 0-length dimension makes it true. */
export function isCContiguous(l: Layout): boolean {
  return (contiguityFlags(l) & C_CONTIGUOUS) !== 0;
}

/** NumPy's F_CONTIGUOUS flag, with the same rules as `isCContiguous`. */
export function isFContiguous(l: Layout): boolean {
  return (contiguityFlags(l) & F_CONTIGUOUS) !== 0;
}

export const C_CONTIGUOUS = 1;
export const F_CONTIGUOUS = 2;

/** Both of NumPy's contiguity flags in one pass: `C_CONTIGUOUS | F_CONTIGUOUS` bits. */
export function contiguityFlags(l: Layout): number {
  const { shape, strides } = l;
  const nd = shape.length;
  // Plain numbers are exact here: once an expected stride passes 2^53 no safe-integer stride
  // can equal it, so the next dimension longer than 1 answers false either way.
  let c = l.itemsize;
  let f = l.itemsize;
  let cOk = true;
  let fOk = true;
  for (let i = 0; i < nd; i++) {
    const n = shape[i]!;
    if (n === 0) return C_CONTIGUOUS | F_CONTIGUOUS;
    if (fOk && n !== 1) {
      if (f > Number.MAX_SAFE_INTEGER || strides[i] !== f) fOk = false;
      f *= n;
    }
    const k = nd - 1 - i;
    const m = shape[k]!;
    if (cOk && m !== 1 && m !== 0) { // a 0 there is met by the forward scan
      if (c > Number.MAX_SAFE_INTEGER || strides[k] !== c) cOk = false;
      c *= m;
    }
    if (!cOk && !fOk && !shape.includes(0)) return 0;
  }
  return (cOk ? C_CONTIGUOUS : 0) | (fOk ? F_CONTIGUOUS : 0);
}

/** The strides NumPy gives a new array of this shape in C (row-major) order. */
export function cStrides(shape: readonly number[], itemsize: number): number[] {
  // Filled by push, not `new Array(n)`: a holey array makes every later read of it slower.
  const reversed: number[] = [];
  let s = itemsize;
  for (let k = shape.length - 1; k >= 0; k--) {
    reversed.push(s);
    s *= Math.max(shape[k]!, 1);
  }
  return reversed.reverse();
}

/** The strides NumPy gives a new array of this shape in Fortran (column-major) order. */
export function fStrides(shape: readonly number[], itemsize: number): number[] {
  const strides: number[] = [];
  let s = itemsize;
  for (let k = 0; k < shape.length; k++) {
    strides.push(s);
    s *= Math.max(shape[k]!, 1);
  }
  return strides;
}
