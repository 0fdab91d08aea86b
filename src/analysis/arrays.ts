/**
 * Array facts for new arrays and for the views NumPy and PyTorch make without copying:
 * basic slicing, transposes, reshapes of contiguous arrays. Sizes may be symbolic (`Lin`).
 */
import { constOf, lin, linAdd, linEqual, linFloorDiv, linMul, linScale, linSub, type Lin } from './linear';
import type { ArrayFact, DType, Lib } from './values';

/** Strides of a new C-ordered array (bytes for NumPy, elements for PyTorch), or `undefined` if not linear. */
export function cStridesLin(shape: readonly Lin[], unit: number): Lin[] | undefined {
  const out: Lin[] = new Array<Lin>(shape.length);
  let s: Lin = lin(unit);
  for (let k = shape.length - 1; k >= 0; k--) {
    out[k] = s;
    const n = shape[k]!;
    const c = constOf(n);
    const next = linMul(s, c !== undefined ? lin(Math.max(c, 1)) : n);
    if (!next) {
      if (k === 0) break;
      return undefined;
    }
    s = next;
  }
  return out;
}

/** Product of the shape, or `undefined` when it is not linear. */
export function sizeLin(shape: readonly Lin[]): Lin | undefined {
  let s: Lin | undefined = lin(1);
  for (const n of shape) {
    if (!s) return undefined;
    s = linMul(s, n);
  }
  return s;
}

/** A new array owning its buffer, C-ordered (or Fortran-ordered: `order='F'`). */
export function newArray(lib: Lib, label: string, shape: readonly Lin[], dtype: DType, order: 'C' | 'F' = 'C'): ArrayFact {
  const unit = lib === 'numpy' ? dtype.itemsize : 1;
  // NumPy allocates an array with no elements with every stride 0.
  const empty = lib === 'numpy' && shape.some((n) => constOf(n) === 0);
  const strides = empty ? shape.map(() => lin(0)) : order === 'C' ? cStridesLin(shape, unit) : cStridesLin([...shape].reverse(), unit)?.reverse();
  const count = sizeLin(shape);
  const size = count && (lib === 'numpy' ? linScale(count, dtype.itemsize) : count);
  return {
    lib, label, dtype, itemsize: lin(dtype.itemsize), shape: [...shape], strides,
    offset: lin(0), buffer: { label, size }, writeable: true, symbolic: undefined,
  };
}

/** Whether an array is known to be Fortran-contiguous (its reversed axes are C-contiguous). */
export function isFContiguousFact(a: ArrayFact): boolean {
  return fContiguity(a) === true;
}

/** Whether an array is known to be C-contiguous (`cContiguity`). */
export function isCContiguousFact(a: ArrayFact): boolean {
  return cContiguity(a) === true;
}

/**
 * Whether an array is C-contiguous, by NumPy's rule (and torch's): an array with no elements
 * always is, and an axis of length 1 needs no particular stride. Sizes may be symbolic (the
 * strides of `np.zeros((n, 4))` are C-order for every n); `undefined` when the answer depends
 * on values the analysis does not know (an axis of unknown length may be 0 or 1).
 */
export function cContiguity(a: ArrayFact): boolean | undefined {
  if (!a.shape || !a.strides || a.shape.length !== a.strides.length) return undefined;
  if (a.shape.some((n) => constOf(n) === 0)) return true;
  let expected: Lin | undefined = a.lib === 'numpy' ? a.itemsize : lin(1);
  for (let k = a.shape.length - 1; k >= 0; k--) {
    const n = a.shape[k]!;
    if (constOf(n) === 1) continue;
    if (!expected || !linEqual(a.strides[k]!, expected)) {
      const known = constOf(a.itemsize) !== undefined && [...a.shape, ...a.strides].every((x) => constOf(x) !== undefined);
      return known ? false : undefined;
    }
    expected = linMul(expected, n);
  }
  return true;
}

/**
 * torch's `is_non_overlapping_and_dense`: the strides are a permutation of contiguous ones
 * (axes of length 0 or 1 need none); `undefined` when a size or stride is not a known number.
 */
export function denseStrides(a: ArrayFact): boolean | undefined {
  if (!a.shape || !a.strides) return undefined;
  const shape = a.shape.map(constOf);
  const strides = a.strides.map(constOf);
  if (shape.some((n) => n === undefined) || strides.some((x) => x === undefined)) return undefined;
  const axes = [...shape.keys()].filter((k) => shape[k]! >= 2).sort((i, j) => strides[i]! - strides[j]!);
  let need = 1;
  for (const k of axes) {
    if (strides[k] !== need) return false;
    need *= shape[k]!;
  }
  return true;
}

/** Whether an array is Fortran-contiguous (`cContiguity` of its reversed axes). */
export function fContiguity(a: ArrayFact): boolean | undefined {
  const t = transposed(a);
  return t && cContiguity(t);
}

/** `a.T` / `a.transpose(axes)`: the same buffer with dimensions permuted. */
export function transposed(a: ArrayFact, axes?: readonly number[]): ArrayFact | undefined {
  if (!a.shape || !a.strides) return undefined;
  const nd = a.shape.length;
  const perm = axes ?? [...Array(nd).keys()].reverse();
  if (perm.length !== nd) return undefined;
  const norm = perm.map((p) => (p < 0 ? p + nd : p));
  if (norm.some((p) => p < 0 || p >= nd) || new Set(norm).size !== nd) return undefined;
  return { ...a, label: a.label, shape: norm.map((p) => a.shape![p]!), strides: norm.map((p) => a.strides![p]!) };
}

/**
 * `a.reshape(shape)` (order C), as NumPy does it: the same shape (as written) is a view with
 * the same strides; a C-contiguous array is a view with C-order strides; any other array is a view when
 * its axes split and merge without a copy (`noCopyStrides`), else a copy. `-1` is inferred.
 * Unknown where that depends on values the analysis does not know, and for a torch tensor that
 * is not contiguous (torch's rule differs).
 */
export function reshaped(a: ArrayFact, shape: readonly Lin[]): ArrayFact | undefined {
  if (!a.shape) return undefined;
  const total = sizeLin(a.shape);
  const minus = shape.findIndex((n) => constOf(n) === -1);
  const dims = [...shape];
  if (minus >= 0) {
    const rest = sizeLin(shape.filter((_, i) => i !== minus));
    const r = rest && constOf(rest);
    const t = total && constOf(total);
    if (r === undefined || t === undefined || r === 0) {
      const q = total && rest && constOf(rest) !== undefined ? linFloorDiv(total, rest) : undefined;
      if (!q) return undefined;
      dims[minus] = q;
    } else dims[minus] = lin(Math.floor(t / r));
  }
  if (dims.some((n) => (constOf(n) ?? 0) < 0)) return undefined;
  const unit = a.lib === 'numpy' ? constOf(a.itemsize) : 1;
  if (unit === undefined || !a.strides) return undefined;
  // NumPy compares the shape as written (before inferring -1) with the array's.
  if (shape.length === a.shape.length && shape.every((n, k) => linEqual(n, a.shape![k]!))) return { ...a, shape: dims };
  const strides = cStridesLin(dims, unit);
  const c = cContiguity(a);
  if (c) return { ...a, shape: dims, strides };
  if (c === undefined || a.lib === 'torch') return undefined;
  const kept = noCopyStrides(a.shape, a.strides, dims, unit);
  if (kept) return { ...a, shape: dims, strides: kept };
  if (kept === undefined || !a.dtype) return undefined;
  // A copy, reshaped: C-order strides even when it has no elements (a view of the copy).
  return { ...newArray(a.lib, a.label, dims, a.dtype), strides };
}

/**
 * NumPy's `_attempt_nocopy_reshape` (C order) for sizes it knows: the strides of a view with the
 * new shape when the old axes (length-1 ones left out) split and merge into the new ones without
 * a copy; `null` when a copy is needed; `undefined` when a size or stride is not a known number.
 */
function noCopyStrides(shape: readonly Lin[], strides: readonly Lin[], dims: readonly Lin[], itemsize: number): Lin[] | null | undefined {
  const nums = (xs: readonly Lin[]) => { const out = xs.map(constOf); return out.every((x) => x !== undefined) ? (out as number[]) : undefined; };
  const oldShape = nums(shape);
  const oldStrides = nums(strides);
  const newShape = nums(dims);
  if (!oldShape || !oldStrides || !newShape) return undefined;
  const od: number[] = [];
  const os: number[] = [];
  oldShape.forEach((n, k) => { if (n !== 1) { od.push(n); os.push(oldStrides[k]!); } });
  const ns: number[] = new Array<number>(newShape.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newShape.length && oi < od.length) {
    let np = newShape[ni]!;
    let op = od[oi]!;
    while (np !== op) {
      if (np < op) {
        if (nj >= newShape.length) return undefined;
        np *= newShape[nj++]!;
      } else {
        if (oj >= od.length) return undefined;
        op *= od[oj++]!;
      }
      if (!Number.isSafeInteger(np) || !Number.isSafeInteger(op)) return undefined;
    }
    for (let ok = oi; ok < oj - 1; ok++) if (os[ok] !== od[ok + 1]! * os[ok + 1]!) return null;
    ns[nj - 1] = os[oj - 1]!;
    for (let nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk]! * newShape[nk]!;
    ni = nj++;
    oi = oj++;
  }
  const last = ni >= 1 ? ns[ni - 1]! : itemsize;
  for (let nk = ni; nk < newShape.length; nk++) ns[nk] = last;
  return ns.map((x) => lin(x));
}

/** One item of a subscript: an integer, a slice, `None` (new axis) or `...`. */
export type IndexItem =
  | { readonly k: 'int'; readonly v: Lin }
  | { readonly k: 'slice'; readonly start?: Lin; readonly stop?: Lin; readonly step?: Lin }
  | { readonly k: 'newaxis' }
  | { readonly k: 'ellipsis' };

/** Basic indexing (`a[1:, ::2, None, 3]`): the view NumPy returns, or `undefined` when unknown. */
export function indexed(a: ArrayFact, items: readonly IndexItem[]): ArrayFact | undefined {
  if (!a.shape || !a.strides) return undefined;
  const nd = a.shape.length;
  const used = items.filter((i) => i.k === 'int' || i.k === 'slice').length;
  if (used > nd || items.filter((i) => i.k === 'ellipsis').length > 1) return undefined;
  const expanded: IndexItem[] = [];
  for (const it of items) {
    if (it.k === 'ellipsis') for (let j = 0; j < nd - used; j++) expanded.push({ k: 'slice' });
    else expanded.push(it);
  }
  while (expanded.filter((i) => i.k !== 'newaxis').length < nd) expanded.push({ k: 'slice' });
  const shape: Lin[] = [];
  const strides: Lin[] = [];
  let offset: Lin | undefined = a.offset;
  let dim = 0;
  for (const it of expanded) {
    if (it.k === 'newaxis') {
      shape.push(lin(1));
      strides.push(lin(0));
      continue;
    }
    const n = a.shape[dim]!;
    const s = a.strides[dim]!;
    dim++;
    if (it.k === 'int') {
      let i: Lin | undefined = it.v;
      const ci = constOf(i);
      if (ci !== undefined && ci < 0) i = linAdd(n, lin(ci));
      if (!i || !offset) return undefined;
      const step = linMul(i, s);
      offset = step && linAdd(offset, step);
      if (!offset) return undefined;
      continue;
    }
    if (it.k !== 'slice') return undefined;
    const r = sliceRange(n, it, a.lib === 'numpy');
    if (!r || !offset) return undefined;
    const step = r.step;
    const startOff = linMul(r.start, s);
    const stride = linScale(s, step);
    if (!startOff || !stride) return undefined;
    offset = linAdd(offset, startOff);
    shape.push(r.count);
    strides.push(stride);
  }
  if (!offset) return undefined;
  return { ...a, shape, strides, offset };
}

/**
 * Python's `slice.indices` for a length `n`: start, step and element count. NumPy makes an empty
 * slice start at 0 with step 1 (`resetEmpty`); torch keeps its start.
 */
function sliceRange(n: Lin, s: { start?: Lin; stop?: Lin; step?: Lin }, resetEmpty: boolean): { start: Lin; step: number; count: Lin } | undefined {
  const step = s.step ? constOf(s.step) : 1;
  if (step === undefined || step === 0) return undefined;
  const cn = constOf(n);
  if (cn !== undefined) {
    const st = s.start ? constOf(s.start) : undefined;
    const sp = s.stop ? constOf(s.stop) : undefined;
    if ((s.start && st === undefined) || (s.stop && sp === undefined)) return undefined;
    const [start, stop] = pyIndices(cn, st, sp, step);
    const count = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
    return count === 0 && resetEmpty ? { start: lin(0), step: 1, count: lin(0) } : { start: lin(start), step, count: lin(count) };
  }
  // Symbolic length: only forward slices with constant, non-negative bounds or negative stops.
  if (step < 0) return undefined;
  const st = s.start ? constOf(s.start) : 0;
  if (st === undefined || st < 0) return undefined;
  let stop: Lin | undefined = n;
  if (s.stop) {
    const sp = constOf(s.stop);
    if (sp === undefined) stop = s.stop;
    else stop = sp < 0 ? linAdd(n, lin(sp)) : lin(sp);
  }
  if (!stop) return undefined;
  const span = linSub(stop, lin(st));
  const count = span && (step === 1 ? span : linFloorDiv(linAdd(span, lin(step - 1)) ?? span, lin(step)));
  if (!count) return undefined;
  return { start: lin(st), step, count };
}

function pyIndices(n: number, start: number | undefined, stop: number | undefined, step: number): [number, number] {
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  if (step > 0) {
    const a = start === undefined ? 0 : clamp(start < 0 ? start + n : start, 0, n);
    const b = stop === undefined ? n : clamp(stop < 0 ? stop + n : stop, 0, n);
    return [a, b];
  }
  const a = start === undefined ? n - 1 : clamp(start < 0 ? start + n : start, -1, n - 1);
  const b = stop === undefined ? -1 : clamp(stop < 0 ? stop + n : stop, -1, n - 1);
  return [a, b];
}

/** `np.broadcast_to(a, shape)`: new leading dimensions and stretched length-1 ones get stride 0. */
export function broadcastTo(a: ArrayFact, shape: readonly Lin[]): ArrayFact | undefined {
  if (!a.shape || !a.strides || shape.length < a.shape.length) return undefined;
  const lead = shape.length - a.shape.length;
  const strides: Lin[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (k < lead) { strides.push(lin(0)); continue; }
    const n = constOf(a.shape[k - lead]!);
    const m = constOf(shape[k]!);
    // NumPy gives every length-1 axis of the source stride 0, repeated or not.
    if (n === 1) strides.push(lin(0));
    // Sizes that are the same expression keep the stride; any other pair the code does not
    // fix may be 1 (stride 0) or differ (NumPy raises): unknown.
    else if (linEqual(a.shape[k - lead]!, shape[k]!) || (n !== undefined && n === m)) strides.push(a.strides[k - lead]!);
    else return undefined;
  }
  return { ...a, shape: [...shape], strides, writeable: false };
}
