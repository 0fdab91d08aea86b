/**
 * Statistics over a whole array, read chunk by chunk (memory stays flat), cancellable, exact
 * in coverage (every element is visited; nothing is sampled).
 *
 * min, max, mean and std are over the finite values; NaN, +inf and −inf are counted apart.
 * Sums are float64 per block of elements, shifted by a reference value and combined with
 * Chan's pairwise formula, so the mean and std keep full double precision for any size.
 * Integers of 8 bytes keep exact bigint min/max. Complex, string, void and datetime arrays
 * have no statistics (an error value says so).
 */
import type { Dtype } from '../engine/dtype';
import { roundToHalf } from '../engine/format';
import { halfToNumber } from '../engine/gather';
import type { Result } from '../engine/report';
import type { NpyArray } from './npy';

export interface ArrayStats {
  /** Elements visited (all of them). */
  readonly count: number;
  readonly finiteCount: number;
  readonly nanCount: number;
  readonly posInfCount: number;
  readonly negInfCount: number;
  /** Over finite values; `null` when there is none. bigints for int64/uint64 (exact). */
  readonly min: number | bigint | null;
  readonly max: number | bigint | null;
  readonly mean: number | null;
  /** Population standard deviation (NumPy's `std`, ddof=0). */
  readonly std: number | null;
  /** Present when `bins` was asked for: `bins` equal-width bins over [min, max] of the finite values. */
  readonly histogram?: { readonly edges: number[]; readonly counts: number[] };
  /** Always false: statistics are never sampled. */
  readonly sampled: false;
}

export interface StatsOptions {
  /** Cancellation: checked between chunks (an `AbortSignal` fits). */
  readonly signal?: { readonly aborted: boolean };
  /** Called after each chunk with the fraction done (0…1). */
  readonly onProgress?: (fraction: number) => void;
  /** Awaited between chunks, to let the host process messages (e.g. `() => new Promise(setImmediate)`). */
  readonly yieldTo?: () => Promise<void>;
  /** Bytes per read (default 8 MiB). */
  readonly chunkBytes?: number;
  /** Histogram bins (default none; a histogram costs a second pass). */
  readonly bins?: number;
}

/** Running sums for Chan's parallel mean/variance. */
interface Acc {
  n: number; mean: number; m2: number;
  nan: number; pinf: number; ninf: number;
  min: number; max: number;
  bmin: bigint | null; bmax: bigint | null;
}

const BLOCK = 4096;

/** Exact-coverage statistics of an opened array (see the module comment). */
export async function computeStats(arr: NpyArray, opts: StatsOptions = {}): Promise<Result<ArrayStats>> {
  const d = arr.header.dtype;
  const kernel = kernelFor(d);
  if (!kernel) return { ok: false, error: `${arr.name}: no statistics for dtype ${d.str} (${d.name}): only bool, integer and real float arrays` };
  const acc: Acc = { n: 0, mean: 0, m2: 0, nan: 0, pinf: 0, ninf: 0, min: Infinity, max: -Infinity, bmin: null, bmax: null };
  const first = await passOver(arr, opts, (bytes) => kernel(bytes, acc), 0, opts.bins ? 0.5 : 1);
  if (!first.ok) return first;
  const count = Number(arr.header.count);
  const base = {
    count, finiteCount: acc.n, nanCount: acc.nan, posInfCount: acc.pinf, negInfCount: acc.ninf,
    min: acc.n === 0 ? null : acc.bmin ?? acc.min,
    max: acc.n === 0 ? null : acc.bmax ?? acc.max,
    mean: acc.n === 0 ? null : acc.mean,
    std: acc.n === 0 ? null : Math.sqrt(Math.max(0, acc.m2 / acc.n)),
    sampled: false as const,
  };
  const bins = Math.floor(opts.bins ?? 0);
  if (bins <= 0 || acc.n === 0) return { ok: true, value: base };
  // NumPy's histogram: a range of one value is widened by ±0.5; the edges are a linspace in
  // the array's float type (float64 for ints); a bin is found by estimate, then corrected
  // against the edges; the last bin is closed on the right.
  const round = d.kind === 'f' && d.itemsize === 4 ? Math.fround : d.kind === 'f' && d.itemsize === 2 ? roundToHalf : (x: number) => x;
  const lo = acc.min === acc.max ? acc.min - 0.5 : acc.min;
  const hi = acc.min === acc.max ? acc.max + 0.5 : acc.max;
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, k) => round(k === bins ? hi : lo + k * width));
  const norm = bins / (hi - lo);
  const toNumbers = numbersFor(d)!;
  const second = await passOver(arr, opts, (bytes) => {
    const xs = toNumbers(bytes);
    for (let i = 0; i < xs.length; i++) {
      const x = Number(xs[i]!);
      if (!Number.isFinite(x)) continue;
      let b = Math.trunc((x - lo) * norm);
      if (b >= bins) b = bins - 1;
      if (x < edges[b]!) b--;
      else if (b !== bins - 1 && x >= edges[b + 1]!) b++;
      counts[b]!++;
    }
  }, 0.5, 0.5);
  if (!second.ok) return second;
  return { ok: true, value: { ...base, histogram: { edges, counts } } };
}

/** Read the data in chunks (a whole number of items each), calling `visit`; the next read overlaps the visit. */
async function passOver(arr: NpyArray, opts: StatsOptions, visit: (bytes: Uint8Array) => void, progressFrom: number, progressSpan: number): Promise<Result<true>> {
  const itemsize = arr.header.dtype.itemsize;
  const total = Number(arr.header.nbytes);
  const chunk = Math.max(itemsize, Math.floor((opts.chunkBytes ?? 8 * 1024 * 1024) / itemsize) * itemsize);
  const start = arr.header.dataOffset;
  const read = (at: number): Promise<Uint8Array> => arr.source.read(start + at, Math.min(chunk, total - at));
  try {
    let next = total > 0 ? read(0) : undefined;
    for (let at = 0; at < total;) {
      if (opts.signal?.aborted) return { ok: false, error: `${arr.name}: statistics cancelled` };
      const bytes = await next!;
      const want = Math.min(chunk, total - at);
      if (bytes.length < want) return { ok: false, error: `${arr.name}: file ended early: wanted ${want} bytes at ${start + at}, got ${bytes.length}` };
      at += want;
      next = at < total ? read(at) : undefined;
      visit(bytes);
      opts.onProgress?.(progressFrom + progressSpan * (at / total));
      if (opts.yieldTo) await opts.yieldTo();
    }
    return { ok: true, value: true };
  } catch (e) {
    return { ok: false, error: `${arr.name}: cannot read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

type Numbers = ArrayLike<number> | BigInt64Array | BigUint64Array;

let halfTable: Float32Array | undefined;

/** A function turning a chunk of items into an array of numbers (a view when the bytes allow it). */
function numbersFor(d: Dtype): ((bytes: Uint8Array) => Numbers) | undefined {
  if (d.fields || d.subarray) return undefined;
  const size = d.itemsize;
  const ctor = d.kind === 'b' || (d.kind === 'u' && size === 1) ? Uint8Array
    : d.kind === 'i' && size === 1 ? Int8Array
      : d.kind === 'i' ? ({ 2: Int16Array, 4: Int32Array, 8: BigInt64Array } as const)[size as 2 | 4 | 8]
        : d.kind === 'u' ? ({ 2: Uint16Array, 4: Uint32Array, 8: BigUint64Array } as const)[size as 2 | 4 | 8]
          : d.kind === 'f' ? ({ 2: Uint16Array, 4: Float32Array, 8: Float64Array } as const)[size as 2 | 4 | 8] : undefined;
  if (!ctor) return undefined;
  const swap = d.byteOrder === '>' && size > 1;
  const half = d.kind === 'f' && size === 2;
  return (bytes) => {
    let b = bytes;
    if (swap || b.byteOffset % size !== 0) {
      b = new Uint8Array(bytes);
      if (swap) byteSwap(b, size);
    }
    const xs = new ctor(b.buffer as ArrayBuffer, b.byteOffset, b.length / size);
    if (!half) return d.kind === 'b' ? Uint8Array.from(xs as Uint8Array, (x) => (x ? 1 : 0)) : xs;
    if (!halfTable) {
      halfTable = new Float32Array(65536);
      for (let h = 0; h < 65536; h++) halfTable[h] = halfToNumber(h);
    }
    const out = new Float32Array(xs.length);
    const t = halfTable;
    const hs = xs as Uint16Array;
    for (let i = 0; i < hs.length; i++) out[i] = t[hs[i]!]!;
    return out;
  };
}

function byteSwap(b: Uint8Array, size: number): void {
  for (let i = 0; i + size <= b.length; i += size) {
    for (let a = i, z = i + size - 1; a < z; a++, z--) {
      const t = b[a]!;
      b[a] = b[z]!;
      b[z] = t;
    }
  }
}

function kernelFor(d: Dtype): ((bytes: Uint8Array, acc: Acc) => void) | undefined {
  const toNumbers = numbersFor(d);
  if (!toNumbers) return undefined;
  if (d.itemsize === 8 && (d.kind === 'i' || d.kind === 'u')) {
    return (bytes, acc) => {
      const xs = toNumbers(bytes) as BigInt64Array | BigUint64Array;
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i]!;
        if (acc.bmin === null || v < acc.bmin) acc.bmin = v;
        if (acc.bmax === null || v > acc.bmax) acc.bmax = v;
      }
      const fs = Float64Array.from(xs as ArrayLike<bigint>, Number);
      accumulate(fs, acc);
    };
  }
  return (bytes, acc) => accumulate(toNumbers(bytes) as ArrayLike<number>, acc);
}

/** Fold values into the accumulator, block by block (shifted sums, then Chan's combination). */
function accumulate(xs: ArrayLike<number>, acc: Acc): void {
  const n = xs.length;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    // Fast path: assume every value is finite; a NaN or ±inf shows in the sums, and then the
    // block is done again value by value.
    const k = xs[start]!;
    let mn = acc.min;
    let mx = acc.max;
    let s = 0;
    let q = 0;
    for (let i = start; i < end; i++) {
      const x = xs[i]!;
      if (x < mn) mn = x;
      if (x > mx) mx = x;
      const dx = x - k;
      s += dx;
      q += dx * dx;
    }
    if (s - s === 0 && q - q === 0) {
      acc.min = mn;
      acc.max = mx;
      combine(acc, end - start, k + s / (end - start), Math.max(0, q - (s * s) / (end - start)));
    } else {
      slowBlock(xs, start, end, acc);
    }
  }
}

/** One block with non-finite values: count them apart, fold the finite ones. */
function slowBlock(xs: ArrayLike<number>, start: number, end: number, acc: Acc): void {
  let k = NaN;
  let s = 0;
  let q = 0;
  let c = 0;
  for (let i = start; i < end; i++) {
    const x = xs[i]!;
    if (x - x !== 0) {
      // NaN or ±inf (x − x is NaN for both).
      if (x !== x) acc.nan++;
      else if (x > 0) acc.pinf++;
      else acc.ninf++;
      continue;
    }
    if (k !== k) k = x;
    if (x < acc.min) acc.min = x;
    if (x > acc.max) acc.max = x;
    const dx = x - k;
    s += dx;
    q += dx * dx;
    c++;
  }
  if (c > 0) combine(acc, c, k + s / c, Math.max(0, q - (s * s) / c));
}

/** Chan et al.: merge a block's count, mean and M2 into the running ones. */
function combine(acc: Acc, c: number, mean: number, m2: number): void {
  const total = acc.n + c;
  const delta = mean - acc.mean;
  acc.mean += (delta * c) / total;
  acc.m2 += m2 + (delta * delta * acc.n * c) / total;
  acc.n = total;
}
