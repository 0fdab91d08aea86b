/**
 * View constructors: NumPy's ways of making a new header for the same bytes.
 *
 * Each takes a source layout (byte strides, byte offset from the buffer start) and returns
 * the view's layout, or an error whose text is NumPy's own message for the same mistake
 * (so the editor can quote what Python would raise). Nothing here copies or reads data;
 * `reshapeView` says "needs a copy" where NumPy would silently copy.
 */
import { cStrides, elementCount, fStrides, isCContiguous, isFContiguous, type Layout } from './layout';
import type { Result } from './report';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

/** NumPy's shape text in messages: `(3,4)`, `(3,)`, `()`, with `newaxis` for negative entries after the first. */
export function numpyShapeString(dims: readonly number[]): string {
  let i = 0;
  while (i < dims.length && dims[i]! < 0) i++;
  if (i === dims.length) return '()';
  let s = String(dims[i++]);
  for (; i < dims.length; i++) s += dims[i]! < 0 ? ',newaxis' : `,${dims[i]}`;
  return dims.length === 1 ? `(${s},)` : `(${s})`;
}

function axisError(axis: number, ndim: number): string {
  return `axis ${axis} is out of bounds for array of dimension ${ndim}`;
}

function normalizeAxis(axis: number, ndim: number): Result<number> {
  if (!Number.isSafeInteger(axis) || axis < -ndim || axis >= ndim) return fail(axisError(axis, ndim));
  return ok(axis < 0 ? axis + ndim : axis);
}

/**
 * `np.lib.stride_tricks.as_strided(x, shape, strides)`: an omitted shape keeps the source's; omitted
 * strides keep the source's too, except that a C-contiguous source (whose `__array_interface__`
 * has no strides) gives C-order strides for the new shape.
 */
export function asStrided(src: Layout, shape?: readonly number[], strides?: readonly number[]): Result<Layout> {
  const sh = shape ?? src.shape;
  const st = strides ?? (isCContiguous(src) ? cStrides(sh, src.itemsize) : src.strides);
  if (sh.length !== st.length) return fail('mismatch in length of strides and shape');
  const bad = sh.findIndex((n) => !Number.isSafeInteger(n) || n < 0);
  if (bad >= 0) return fail('negative dimensions are not allowed');
  return ok({ shape: [...sh], strides: [...st], offset: src.offset, itemsize: src.itemsize });
}

/** `sliding_window_view(x, window_shape, axis)`: NumPy's shape, strides and error messages. */
export function slidingWindowView(src: Layout, windowShape: readonly number[], axis?: readonly number[]): Result<Layout> {
  if (windowShape.some((w) => w < 0)) return fail('`window_shape` cannot contain negative values');
  const nd = src.shape.length;
  let axes: number[];
  if (axis === undefined) {
    axes = [...src.shape.keys()];
    if (windowShape.length !== axes.length) {
      return fail(`Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${windowShape.length} window_shape elements and \`x.ndim\` is ${nd}.`);
    }
  } else {
    axes = [];
    for (const a of axis) {
      const n = normalizeAxis(a, nd);
      if (!n.ok) return n;
      axes.push(n.value);
    }
    if (windowShape.length !== axes.length) {
      return fail(`Must provide matching length window_shape and axis; got ${windowShape.length} window_shape elements and ${axes.length} axes elements.`);
    }
  }
  const trimmed = [...src.shape];
  for (const [i, ax] of axes.entries()) {
    const w = windowShape[i]!;
    if (trimmed[ax]! < w) return fail('window shape cannot be larger than input array shape');
    trimmed[ax]! -= w - 1;
  }
  return ok({
    shape: [...trimmed, ...windowShape],
    strides: [...src.strides, ...axes.map((ax) => src.strides[ax]!)],
    offset: src.offset,
    itemsize: src.itemsize,
  });
}

/** `np.broadcast_to(x, shape)`: new and stretched dimensions get stride 0; NumPy's messages when it cannot. */
export function broadcastTo(src: Layout, shape: readonly number[]): Result<Layout> {
  if (shape.length === 0 && src.shape.length > 0) return fail('cannot broadcast a non-scalar to a scalar array');
  if (shape.some((n) => n < 0)) return fail('all elements of broadcast shape must be non-negative');
  const lead = shape.length - src.shape.length;
  if (lead < 0) return fail('input operand has more dimensions than allowed by the axis remapping');
  const strides: number[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (k < lead) { strides.push(0); continue; }
    const n = src.shape[k - lead]!;
    if (n === 1) strides.push(0); // NumPy's iterator gives every length-1 axis stride 0
    else if (n === shape[k]) strides.push(src.strides[k - lead]!);
    else {
      return fail(`operands could not be broadcast together with remapped shapes [original->remapped]: ${numpyShapeString(src.shape)}  and requested shape ${numpyShapeString(shape)}`);
    }
  }
  return ok({ shape: [...shape], strides, offset: src.offset, itemsize: src.itemsize });
}

/** One item of a basic index: an integer, a slice, `None` (new axis) or `...`. */
export type IndexItem =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'slice'; readonly start: number | null; readonly stop: number | null; readonly step: number | null }
  | { readonly kind: 'newaxis' }
  | { readonly kind: 'ellipsis' };

// Python's PySlice_AdjustIndices: the first index, the step and how many elements a slice takes.
function adjustSlice(n: number, start: number | null, stop: number | null, step: number): { start: number; count: number } {
  let lo: number;
  let hi: number;
  if (step > 0) {
    lo = start === null ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    hi = stop === null ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
    return { start: lo, count: hi > lo ? Math.floor((hi - lo - 1) / step) + 1 : 0 };
  }
  lo = start === null ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
  hi = stop === null ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
  return { start: lo, count: lo > hi ? Math.floor((lo - hi - 1) / -step) + 1 : 0 };
}

/** `x[index]` with basic indexing (integers, slices with any step, `None`, `...`), as NumPy computes the view. */
export function indexView(src: Layout, index: readonly IndexItem[]): Result<Layout> {
  const ellipses = index.filter((i) => i.kind === 'ellipsis').length;
  if (ellipses > 1) return fail("an index can only have a single ellipsis ('...')");
  const consuming = index.filter((i) => i.kind === 'int' || i.kind === 'slice').length;
  const nd = src.shape.length;
  if (consuming > nd) return fail(`too many indices for array: array is ${nd}-dimensional, but ${consuming} were indexed`);
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = src.offset;
  let k = 0;
  for (const item of index) {
    if (item.kind === 'newaxis') { shape.push(1); strides.push(0); continue; }
    if (item.kind === 'ellipsis') {
      for (const end = k + nd - consuming; k < end; k++) { shape.push(src.shape[k]!); strides.push(src.strides[k]!); }
      continue;
    }
    const n = src.shape[k]!;
    const s = src.strides[k]!;
    if (item.kind === 'int') {
      if (item.value < -n || item.value >= n) return fail(`index ${item.value} is out of bounds for axis ${k} with size ${n}`);
      offset += (item.value < 0 ? item.value + n : item.value) * s;
    } else {
      const step = item.step ?? 1;
      if (step === 0) return fail('slice step cannot be zero');
      const { start, count } = adjustSlice(n, item.start, item.stop, step);
      // An empty slice points at index 0 with step 1 in NumPy (get_view_from_index).
      if (count > 0) offset += start * s;
      shape.push(count);
      strides.push(count > 0 ? s * step + 0 : s); // + 0 turns -0 into 0
    }
    k++;
  }
  for (; k < nd; k++) { shape.push(src.shape[k]!); strides.push(src.strides[k]!); }
  return ok({ shape, strides, offset, itemsize: src.itemsize });
}

/** Parse a NumPy-style basic index such as `[3, :, ::2]`, `[..., None, -1]` or `1:5` (brackets optional). */
export function parseIndex(text: string): Result<IndexItem[]> {
  let body = text.trim();
  if (body.startsWith('[')) {
    if (!body.endsWith(']')) return fail(`index '${text}' has no closing ']'`);
    body = body.slice(1, -1).trim();
  }
  if (body === '') return ok([]);
  const parts = body.split(',').map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // `[3,]`
  const out: IndexItem[] = [];
  const num = /^[+-]?\d+$/;
  for (const [i, p] of parts.entries()) {
    if (p === '...' || p === 'Ellipsis') { out.push({ kind: 'ellipsis' }); continue; }
    if (p === 'None' || p === 'np.newaxis' || p === 'newaxis') { out.push({ kind: 'newaxis' }); continue; }
    if (num.test(p)) { out.push({ kind: 'int', value: Number(p) }); continue; }
    const fields = p.split(':').map((f) => f.trim());
    if (fields.length < 2 || fields.length > 3 || fields.some((f) => f !== '' && f !== 'None' && !num.test(f))) {
      return fail(`index item ${i + 1} '${p}' is not an integer, a slice, None or '...'`);
    }
    const [start, stop, step] = fields.map((f) => (f === '' || f === 'None' || f === undefined ? null : Number(f)));
    out.push({ kind: 'slice', start: start ?? null, stop: stop ?? null, step: step ?? null });
  }
  return ok(out);
}

/** `x.transpose(axes)` (reversed axes when omitted); NumPy's messages for repeated or missing axes. */
export function transposeView(src: Layout, axes?: readonly number[]): Result<Layout> {
  const nd = src.shape.length;
  const perm = axes ?? [...src.shape.keys()].reverse();
  if (perm.length !== nd) return fail("axes don't match array");
  const seen = new Set<number>();
  const norm: number[] = [];
  for (const a of perm) {
    const n = normalizeAxis(a, nd);
    if (!n.ok) return n;
    if (seen.has(n.value)) return fail('repeated axis in transpose');
    seen.add(n.value);
    norm.push(n.value);
  }
  return ok({ shape: norm.map((a) => src.shape[a]!), strides: norm.map((a) => src.strides[a]!), offset: src.offset, itemsize: src.itemsize });
}

/** Result of `reshapeView`: the view NumPy returns, or the fact that it would have to copy. */
export type ReshapeResult = { readonly view: Layout; readonly copy: false } | { readonly view: null; readonly copy: true; readonly reason: string };

/** `x.reshape(shape, order)` without copying: NumPy's `-1` inference, its no-copy algorithm and the strides it picks, or "needs a copy". */
export function reshapeView(src: Layout, newShape: readonly number[], order: 'C' | 'F' = 'C'): Result<ReshapeResult> {
  const size = elementCount(src);
  const dims = [...newShape];
  const nd = src.shape.length;
  if (dims.length === nd && dims.every((n, k) => n === src.shape[k])) {
    return ok({ view: { ...src, shape: [...src.shape], strides: [...src.strides] }, copy: false });
  }
  const mismatch = () => fail<ReshapeResult>(`cannot reshape array of size ${size} into shape ${numpyShapeString(newShape)}`);
  let unknown = -1;
  let known = 1n;
  for (const [i, n] of dims.entries()) {
    if (n < 0) {
      if (unknown >= 0) return fail('can only specify one unknown dimension');
      unknown = i;
    } else known *= BigInt(n);
  }
  if (unknown >= 0) {
    if (known === 0n || size % known !== 0n) return mismatch();
    dims[unknown] = Number(size / known);
  } else if (known !== size) return mismatch();
  const contiguous = order === 'C' ? isCContiguous(src) : isFContiguous(src);
  if (contiguous) {
    const strides = order === 'C' ? cStrides(dims, src.itemsize) : fStrides(dims, src.itemsize);
    return ok({ view: { shape: dims, strides, offset: src.offset, itemsize: src.itemsize }, copy: false });
  }
  const strides = noCopyStrides(src, dims, order === 'F');
  if (!strides) return ok({ view: null, copy: true, reason: `the ${order}-order walk of shape ${numpyShapeString(src.shape)} with strides ${numpyShapeString(src.strides)} cannot be expressed by strides for shape ${numpyShapeString(dims)}` });
  return ok({ view: { shape: dims, strides, offset: src.offset, itemsize: src.itemsize }, copy: false });
}

// NumPy's _attempt_nocopy_reshape: group old and new axes into runs of equal product; each
// old run must be contiguous in the requested order; the new run gets strides derived from
// the run's innermost old stride. Trailing new 1s take the last stride.
function noCopyStrides(src: Layout, newDims: readonly number[], fOrder: boolean): number[] | null {
  const od: number[] = [];
  const os: number[] = [];
  src.shape.forEach((n, k) => { if (n !== 1) { od.push(n); os.push(src.strides[k]!); } });
  const nn = newDims.length;
  const ns: number[] = Array.from({ length: nn }, () => 0); // packed, unlike `new Array(nn)`
  let oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < nn && oi < od.length) {
    let np = newDims[ni]!;
    let op = od[oi]!;
    while (np !== op) {
      if (np < op) np *= newDims[nj++]!;
      else op *= od[oj++]!;
    }
    for (let ok2 = oi; ok2 < oj - 1; ok2++) {
      if (fOrder ? os[ok2 + 1] !== od[ok2]! * os[ok2]! : os[ok2] !== od[ok2 + 1]! * os[ok2 + 1]!) return null;
    }
    if (fOrder) {
      ns[ni] = os[oi]!;
      for (let nk = ni + 1; nk < nj; nk++) ns[nk] = ns[nk - 1]! * newDims[nk - 1]!;
    } else {
      ns[nj - 1] = os[oj - 1]!;
      for (let nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk]! * newDims[nk]!;
    }
    ni = nj++;
    oi = oj++;
  }
  let last = ni >= 1 ? ns[ni - 1]! : src.itemsize;
  if (fOrder && ni >= 1) last *= newDims[ni - 1]!;
  for (let nk = ni; nk < nn; nk++) ns[nk] = last;
  return ns;
}

/** How `blockView` arranges the block grid and the blocks. */
export type BlockMode =
  /** `(B0, b0, B1, b1, …)`: grid and block axes alternate. */
  | 'interleaved'
  /** `(B0, B1, …, b0, b1, …)`: all grid axes first. */
  | 'grid-first'
  /** `(B0, B1, …, b0·b1·…)`: the block axes merged into one (may need a copy). */
  | 'merged';

/** Split every axis `n` into `n/b` blocks of `b` (the seed's `block_view_of`), as a view. */
export function blockView(src: Layout, blockShape: readonly number[], mode: BlockMode = 'grid-first'): Result<ReshapeResult> {
  if (blockShape.length !== src.shape.length) {
    return fail(`block shape ${numpyShapeString(blockShape)} has ${blockShape.length} dimensions but the array has ${src.shape.length}`);
  }
  const grid: number[] = [];
  for (const [k, b] of blockShape.entries()) {
    const n = src.shape[k]!;
    if (!Number.isSafeInteger(b) || b <= 0) return fail(`block size ${b} on axis ${k} is not a positive integer`);
    if (n % b !== 0) return fail(`axis ${k} of size ${n} is not a multiple of the block size ${b}`);
    grid.push(n / b);
  }
  const interleaved: Layout = {
    shape: blockShape.flatMap((b, k) => [grid[k]!, b]),
    strides: blockShape.flatMap((b, k) => [b * src.strides[k]!, src.strides[k]!]),
    offset: src.offset,
    itemsize: src.itemsize,
  };
  if (mode === 'interleaved') return ok({ view: interleaved, copy: false });
  const nd = blockShape.length;
  const perm = [...Array<number>(nd).keys()].flatMap((k) => [2 * k]).concat([...Array<number>(nd).keys()].map((k) => 2 * k + 1));
  const reordered = transposeView(interleaved, perm);
  if (!reordered.ok) return reordered;
  if (mode === 'grid-first') return ok({ view: reordered.value, copy: false });
  return reshapeView(reordered.value, [...grid, -1]);
}

/** Sliding windows over the last `kernel.length` axes of an N-d image (im2col; pooling when stride = kernel). */
export interface WindowSpec {
  readonly kernel: readonly number[];
  /** Step between window starts per axis; 1 when omitted (the kernel for `poolingWindows`). */
  readonly stride?: readonly number[];
  /** Step between taps inside a window per axis; 1 when omitted. */
  readonly dilation?: readonly number[];
}

/** The im2col view: leading axes kept, then one axis per output position, then one per kernel tap. */
export function windowView(src: Layout, spec: WindowSpec): Result<Layout> {
  const m = spec.kernel.length;
  const nd = src.shape.length;
  if (m > nd) return fail(`kernel ${numpyShapeString(spec.kernel)} has ${m} dimensions but the image has only ${nd}`);
  const stride = spec.stride ?? spec.kernel.map(() => 1);
  const dilation = spec.dilation ?? spec.kernel.map(() => 1);
  if (stride.length !== m) return fail(`stride ${numpyShapeString(stride)} needs ${m} values, one per kernel axis`);
  if (dilation.length !== m) return fail(`dilation ${numpyShapeString(dilation)} needs ${m} values, one per kernel axis`);
  const lead = nd - m;
  const outShape: number[] = [];
  const outStrides: number[] = [];
  for (let i = 0; i < m; i++) {
    const k = spec.kernel[i]!, s = stride[i]!, d = dilation[i]!;
    const n = src.shape[lead + i]!;
    if (!Number.isSafeInteger(k) || k <= 0) return fail(`kernel size ${k} on axis ${lead + i} is not a positive integer`);
    if (!Number.isSafeInteger(s) || s <= 0) return fail(`stride ${s} on axis ${lead + i} is not a positive integer`);
    if (!Number.isSafeInteger(d) || d <= 0) return fail(`dilation ${d} on axis ${lead + i} is not a positive integer`);
    const span = d * (k - 1) + 1;
    if (span > n) return fail(`window spanning ${span} on axis ${lead + i} does not fit in size ${n}`);
    outShape.push(Math.floor((n - span) / s) + 1);
    outStrides.push(src.strides[lead + i]! * s);
  }
  return ok({
    shape: [...src.shape.slice(0, lead), ...outShape, ...spec.kernel],
    strides: [...src.strides.slice(0, lead), ...outStrides, ...spec.kernel.map((_, i) => src.strides[lead + i]! * dilation[i]!)],
    offset: src.offset,
    itemsize: src.itemsize,
  });
}

/** Pooling windows: `windowView` with the stride defaulting to the kernel (non-overlapping windows). */
export function poolingView(src: Layout, kernel: readonly number[], stride?: readonly number[]): Result<Layout> {
  return windowView(src, { kernel, stride: stride ?? kernel });
}
