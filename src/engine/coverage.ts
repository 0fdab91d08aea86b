/**
 * Which bytes of a buffer a strided view reads, and how many times: the model behind the
 * stride diagram and the patch grid (`stride-lens diagram`, and every picture that shows a
 * view over its memory).
 *
 * An index of the view reads the `itemsize` bytes at its address. `coverage` gives, over the
 * buffer ∪ the view's extent, the maximal runs of bytes read by the same number of indices;
 * bytes outside `[0, buffer size)` are out of bounds. It is exact up to `exactLimit` indices
 * (10^7 by default: addresses are enumerated into a typed array and swept), and above that an
 * aggregate that says so (`aggregated: true`, readers averaged per byte). `readersOf` finds
 * the indices that read one byte by a bounded search over the dimensions (most-significant
 * stride first, each dimension's index range cut to what can still reach the byte), without
 * enumerating the view. Units are bytes for NumPy and elements for PyTorch (pass a layout
 * whose strides, offset and itemsize 1 are in elements, and `unit: 'elements'`).
 *
 * Numbers are JS numbers: every view drawn here has an extent below 2^53 (checked; larger ones
 * are refused with a message).
 */
import { extentNumber, layoutError, type Layout } from './layout';
import type { Result } from './report';

export type Unit = 'bytes' | 'elements';

/** A maximal run `[low, high)` read by `readers` view indices (an average when aggregated). */
export interface Segment { readonly low: number; readonly high: number; readonly readers: number }

export interface Coverage {
  readonly unit: Unit;
  /** The allocation: `[0, buffer size)`. */
  readonly buffer: { readonly low: number; readonly high: number };
  /** `[min(0, extent low), max(buffer size, extent high))`: what a picture must show. */
  readonly range: { readonly low: number; readonly high: number };
  /** Consecutive runs covering `range` exactly. */
  readonly segments: readonly Segment[];
  /** True above the exact limit: `readers` are then averages per byte of each run. */
  readonly aggregated: boolean;
  readonly maxReaders: number;
  /** Number of view indices. */
  readonly count: number;
}

/** Views with more indices than this are aggregated. */
export const EXACT_LIMIT = 10_000_000;
/** Runs an aggregated coverage is cut into. */
const AGGREGATE_BUCKETS = 4096;
/** Above this many indices, even the aggregate does not enumerate: one average over the extent. */
const ENUMERATE_LIMIT = 200_000_000;

function checked(view: Layout): Result<{ low: number; high: number; count: number }> {
  const err = layoutError(view);
  if (err) return { ok: false, error: err };
  const ext = extentNumber(view);
  if (!ext) return { ok: false, error: 'the view reaches past 2^53 bytes: too far to draw' };
  let count = 1;
  for (const n of view.shape) count *= n;
  if (!Number.isSafeInteger(count)) return { ok: false, error: 'the view has more than 2^53 indices: too many to draw' };
  return { ok: true, value: { low: ext[0], high: ext[1], count } };
}

/** Every index's address, in C order of the view's indices. */
export function addresses(view: Layout, count: number): Float64Array {
  const out = new Float64Array(count);
  if (count === 0) return out;
  const nd = view.shape.length;
  // Odometer over the indices; the address is updated incrementally.
  const idx = new Array<number>(nd).fill(0);
  let addr = view.offset;
  for (let k = 0; k < count; k++) {
    out[k] = addr;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      addr += view.strides[d]!;
      if (idx[d]! < view.shape[d]!) break;
      addr -= view.strides[d]! * view.shape[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

/** How many view indices read each byte (element for torch) of the buffer ∪ the extent. */
export function coverage(view: Layout, bufferSize: number, opts: { unit?: Unit; exactLimit?: number; enumerateLimit?: number } = {}): Result<Coverage> {
  const c = checked(view);
  if (!c.ok) return c;
  if (!Number.isSafeInteger(bufferSize) || bufferSize < 0) return { ok: false, error: `buffer size ${bufferSize} is not a non-negative integer` };
  const { count } = c.value;
  const empty = count === 0;
  const low = empty ? 0 : Math.min(0, c.value.low);
  const high = empty ? bufferSize : Math.max(bufferSize, c.value.high);
  const base = { unit: opts.unit ?? 'bytes', buffer: { low: 0, high: bufferSize }, range: { low, high }, count } as const;
  if (high === low) return { ok: true, value: { ...base, segments: [], aggregated: false, maxReaders: 0 } };
  if (empty) return { ok: true, value: { ...base, segments: [{ low, high, readers: 0 }], aggregated: false, maxReaders: 0 } };
  if (count <= (opts.exactLimit ?? EXACT_LIMIT)) return { ok: true, value: { ...base, ...exactSegments(view, count, low, high), aggregated: false } };
  return { ok: true, value: { ...base, ...aggregateSegments(view, count, low, high, opts.enumerateLimit ?? ENUMERATE_LIMIT), aggregated: true } };
}

function exactSegments(view: Layout, count: number, low: number, high: number): { segments: Segment[]; maxReaders: number } {
  const span = high - low;
  // A range not much larger than the view: count with a difference array, no sort.
  if (span <= Math.max(1 << 16, 4 * count) && span <= 1 << 27) return countedSegments(view, count, low, high);
  const starts = addresses(view, count).sort();
  const w = view.itemsize;
  // Sweep the starts and the ends (start + w, in the same order) as two sorted event lists.
  const segments: Segment[] = [];
  let readers = 0;
  let maxReaders = 0;
  let at = low;
  let i = 0;
  let j = 0;
  const push = (to: number): void => {
    if (to <= at) return;
    const last = segments[segments.length - 1];
    if (last && last.readers === readers && last.high === at) segments[segments.length - 1] = { low: last.low, high: to, readers };
    else segments.push({ low: at, high: to, readers });
    at = to;
  };
  while (i < count || j < count) {
    const next = j >= count || (i < count && starts[i]! <= starts[j]! + w) ? starts[i]! : starts[j]! + w;
    push(next);
    while (i < count && starts[i] === next) { readers++; i++; }
    while (j < count && starts[j]! + w === next) { readers--; j++; }
    if (readers > maxReaders) maxReaders = readers;
  }
  push(high);
  return { segments, maxReaders };
}

function countedSegments(view: Layout, count: number, low: number, high: number): { segments: Segment[]; maxReaders: number } {
  const span = high - low;
  const diff = new Int32Array(span + 1);
  const w = view.itemsize;
  const addr = addresses(view, count);
  for (let k = 0; k < count; k++) {
    const a = addr[k]! - low;
    diff[a]!++;
    diff[a + w]!--;
  }
  const segments: Segment[] = [];
  let maxReaders = 0;
  let readers = diff[0]!;
  let from = 0;
  for (let b = 1; b <= span; b++) {
    const next = readers + diff[b]!;
    if (b === span || next !== readers) {
      segments.push({ low: low + from, high: low + b, readers });
      if (readers > maxReaders) maxReaders = readers;
      from = b;
      readers = next;
    }
  }
  return { segments, maxReaders };
}

function aggregateSegments(view: Layout, count: number, low: number, high: number, enumerateLimit: number): { segments: Segment[]; maxReaders: number } {
  const span = high - low;
  if (count > enumerateLimit) {
    const readers = (count * view.itemsize) / span;
    return { segments: [{ low, high, readers }], maxReaders: readers };
  }
  const buckets = Math.min(AGGREGATE_BUCKETS, span);
  const width = span / buckets;
  const bytes = new Float64Array(buckets);
  const addr = addresses(view, count);
  for (let k = 0; k < count; k++) {
    // The item's bytes [a, a + w) spread over the buckets they fall in.
    let a = addr[k]!;
    const end = a + view.itemsize;
    while (a < end) {
      const b = Math.min(buckets - 1, Math.floor((a - low) / width));
      const bucketEnd = Math.min(end, low + (b + 1) * width);
      bytes[b]! += Math.max(bucketEnd, a + 1e-9) - a;
      a = bucketEnd > a ? bucketEnd : end;
    }
  }
  const segments: Segment[] = [];
  let maxReaders = 0;
  for (let b = 0; b < buckets; b++) {
    const lo = Math.round(low + b * width);
    const hi = b === buckets - 1 ? high : Math.round(low + (b + 1) * width);
    const readers = bytes[b]! / (hi - lo || 1);
    if (readers > maxReaders) maxReaders = readers;
    segments.push({ low: lo, high: hi, readers });
  }
  return { segments, maxReaders };
}

export interface Readers {
  /** View indices, in C order, at most the limit asked for. */
  readonly indices: number[][];
  /** False when the limit cut the list short. */
  readonly complete: boolean;
}

/**
 * The view indices whose address lies in `[lo, hi]`, by a bounded search: dimensions are taken
 * largest |stride| first, and each dimension's index range is cut to the indices from which
 * the remaining dimensions can still reach the window.
 */
function indicesAddressedIn(view: Layout, lo: number, hi: number, limit: number): Readers {
  const nd = view.shape.length;
  if (view.shape.some((n) => n === 0)) return { indices: [], complete: true };
  const order = [...Array(nd).keys()].sort((a, b) => Math.abs(view.strides[b]!) - Math.abs(view.strides[a]!) || a - b);
  // restMin[k] / restMax[k]: the least and most the dimensions order[k..] can add.
  const restMin = new Array<number>(nd + 1).fill(0);
  const restMax = new Array<number>(nd + 1).fill(0);
  for (let k = nd - 1; k >= 0; k--) {
    const d = order[k]!;
    const reach = view.strides[d]! * (view.shape[d]! - 1);
    restMin[k] = restMin[k + 1]! + Math.min(0, reach);
    restMax[k] = restMax[k + 1]! + Math.max(0, reach);
  }
  const found: number[][] = [];
  const idx = new Array<number>(nd).fill(0);
  let complete = true;
  const visit = (k: number, addr: number): void => {
    if (!complete) return;
    if (k === nd) {
      if (found.length >= limit) { complete = false; return; }
      found.push([...idx]);
      return;
    }
    const d = order[k]!;
    const s = view.strides[d]!;
    const n = view.shape[d]!;
    // addr + s·i + [restMin, restMax] must meet [lo, hi].
    let first = 0;
    let last = n - 1;
    if (s > 0) {
      first = Math.max(first, Math.ceil((lo - addr - restMax[k + 1]!) / s));
      last = Math.min(last, Math.floor((hi - addr - restMin[k + 1]!) / s));
    } else if (s < 0) {
      first = Math.max(first, Math.ceil((hi - addr - restMin[k + 1]!) / s));
      last = Math.min(last, Math.floor((lo - addr - restMax[k + 1]!) / s));
    } else if (addr + restMax[k + 1]! < lo || addr + restMin[k + 1]! > hi) return;
    for (let i = first; i <= last && complete; i++) {
      idx[d] = i;
      visit(k + 1, addr + s * i);
    }
    idx[d] = 0;
  };
  visit(0, view.offset);
  found.sort((a, b) => { for (let k = 0; k < nd; k++) if (a[k] !== b[k]) return a[k]! - b[k]!; return 0; });
  return { indices: found, complete };
}

/** The view indices that read byte (element, for torch) `at`. */
export function readersOf(view: Layout, at: number, limit = 1000): Result<Readers> {
  const c = checked(view);
  if (!c.ok) return c;
  return { ok: true, value: indicesAddressedIn(view, at - view.itemsize + 1, at, limit) };
}

/** The view indices that read any byte of element `element` of a C-ordered base of `baseShape`. */
export function readersOfBaseElement(view: Layout, baseShape: readonly number[], element: readonly number[], limit = 1000): Result<Readers> {
  const c = checked(view);
  if (!c.ok) return c;
  if (element.length !== baseShape.length || element.some((e, k) => !Number.isInteger(e) || e < 0 || e >= baseShape[k]!)) {
    return { ok: false, error: `element (${element.join(', ')}) is not an index of a base of shape (${baseShape.join(', ')})` };
  }
  let flat = 0;
  for (let k = 0; k < baseShape.length; k++) flat = flat * baseShape[k]! + element[k]!;
  const first = flat * view.itemsize;
  return { ok: true, value: indicesAddressedIn(view, first - view.itemsize + 1, first + view.itemsize - 1, limit) };
}

/** Per element of a C-ordered base of `baseShape` (same itemsize, element 0 at 0), how many view indices read any of its bytes. */
export function baseReaders(view: Layout, baseShape: readonly number[], opts: { exactLimit?: number } = {}): Result<Uint32Array> {
  const c = checked(view);
  if (!c.ok) return c;
  let size = 1;
  for (const n of baseShape) size *= n;
  if (!Number.isSafeInteger(size) || size > EXACT_LIMIT) return { ok: false, error: `a base of ${size} elements is too large to count per element` };
  if (c.value.count > (opts.exactLimit ?? EXACT_LIMIT)) return { ok: false, error: `the view has ${c.value.count} indices: more than the ${opts.exactLimit ?? EXACT_LIMIT} counted one by one` };
  const out = new Uint32Array(size);
  const addr = addresses(view, c.value.count);
  const w = view.itemsize;
  for (let k = 0; k < addr.length; k++) {
    const a = addr[k]!;
    const from = Math.max(0, Math.floor(a / w));
    const to = Math.min(size - 1, Math.floor((a + w - 1) / w));
    for (let e = from; e <= to; e++) out[e]!++;
  }
  return { ok: true, value: out };
}

/** A window view over a 2-D base: output grid, window, and their steps in base pixels. */
export interface WindowGeometry {
  readonly baseRows: number; readonly baseCols: number;
  readonly outRows: number; readonly outCols: number;
  readonly winRows: number; readonly winCols: number;
  readonly strideRows: number; readonly strideCols: number;
  readonly dilationRows: number; readonly dilationCols: number;
  readonly originRow: number; readonly originCol: number;
}

/**
 * Reads a 4-d view `(out rows, out cols, window rows, window cols)` over a C-ordered 2-D base
 * as windows (`as_strided` im2col, `sliding_window_view`, pooling): each stride must be a
 * non-negative whole number of base rows (dims 0, 2) or pixels (dims 1, 3). Otherwise undefined.
 */
export function windowGeometry(view: Layout, baseShape: readonly number[]): WindowGeometry | undefined {
  if (view.shape.length !== 4 || baseShape.length !== 2) return undefined;
  const [H, W] = baseShape as [number, number];
  const w = view.itemsize;
  const row = W * w;
  const [s0, s1, s2, s3] = view.strides as [number, number, number, number];
  if (row <= 0 || view.offset < 0 || view.offset % w !== 0) return undefined;
  const rowsOf = (s: number): number | undefined => (s >= 0 && s % row === 0 ? s / row : undefined);
  const colsOf = (s: number): number | undefined => (s >= 0 && s % w === 0 && s < row ? s / w : undefined);
  const strideRows = rowsOf(s0);
  const strideCols = colsOf(s1);
  const dilationRows = rowsOf(s2);
  const dilationCols = colsOf(s3);
  if (strideRows === undefined || strideCols === undefined || dilationRows === undefined || dilationCols === undefined) return undefined;
  const origin = view.offset / w;
  const g = {
    baseRows: H, baseCols: W, outRows: view.shape[0]!, outCols: view.shape[1]!, winRows: view.shape[2]!, winCols: view.shape[3]!,
    strideRows, strideCols, dilationRows, dilationCols, originRow: Math.floor(origin / W), originCol: origin % W,
  };
  return H > 0 ? g : undefined;
}

/**
 * Base pixels `[row, col]` that window `(r, c)` reads, in window order. Computed from the
 * address, so a window that runs off the right edge shows where it really reads: the start
 * of the next row (rows ≥ baseRows are past the end of the base).
 */
export function windowPixels(g: WindowGeometry, r: number, c: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const W = g.baseCols;
  const start = (g.originRow + r * g.strideRows) * W + g.originCol + c * g.strideCols;
  for (let i = 0; i < g.winRows; i++) {
    for (let j = 0; j < g.winCols; j++) {
      const flat = start + i * g.dilationRows * W + j * g.dilationCols;
      out.push([Math.floor(flat / W), flat % W]);
    }
  }
  return out;
}

/** A run of pixel columns of a drawn strip and the most readers of any byte under it. */
export interface StripRun { readonly from: number; readonly to: number; readonly readers: number }

/**
 * The coverage drawn `width` pixels wide: each pixel column takes the most readers of any
 * byte under it (so one overlapping byte is never averaged away), equal neighbours merged.
 */
export function stripRuns(c: Coverage, width: number): StripRun[] {
  const span = Math.max(1, c.range.high - c.range.low);
  const cols = new Float64Array(width).fill(-1);
  for (const s of c.segments) {
    const a = Math.max(0, Math.floor(((s.low - c.range.low) / span) * width));
    const b = Math.min(width - 1, Math.max(a, Math.ceil(((s.high - c.range.low) / span) * width) - 1));
    for (let p = a; p <= b; p++) if (s.readers > cols[p]!) cols[p] = s.readers;
  }
  const out: StripRun[] = [];
  let p0 = 0;
  for (let p = 1; p <= width; p++) {
    if (p === width || cols[p] !== cols[p0]) { out.push({ from: p0, to: p, readers: Math.max(0, cols[p0]!) }); p0 = p; }
  }
  return out;
}

/** The byte (element) under pixel column `x` of a strip `width` pixels wide. */
export function byteAtColumn(c: Coverage, x: number, width: number): number {
  const span = Math.max(1, c.range.high - c.range.low);
  return Math.min(c.range.high - 1, Math.max(c.range.low, c.range.low + Math.floor((x / width) * span)));
}
