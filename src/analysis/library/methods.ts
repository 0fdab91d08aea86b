/**
 * Methods of NumPy arrays and PyTorch tensors that compute a value: views (`reshape`, `view`,
 * `transpose`, `swapaxes`, …), copies (`astype`, `copy`, `contiguous`, …) and sizes
 * (`size()`, `stride()`, `numel()`, …). `METHODS` is keyed by the method's name; an entry gets
 * the array the method is called on and the call's arguments. To model a method, add one
 * entry; a name without one gives an unknown value. `Tensor.as_strided` is not an entry: the
 * interpreter records it (`calls.ts`).
 */
import { denseStrides, isCContiguousFact, reshaped, sizeLin, transposed } from '../arrays';
import { constOf, lin, linScale, type Lin } from '../linear';
import { attrAtom, constOfInt, intOf, UNKNOWN, type ArrayFact, type Val } from '../values';
import { anyAll, converted, reduced, valuesOf, type Scalar } from '../vectors';
import { arrayVal, dtypeOf, shapeOf, varargShape, type Args } from './common';

/** One method of the library model: what calling it on `x` with these arguments gives. */
export type LibMethod = (x: ArrayFact, a: Args) => Val;

/** Array methods that do not write into the array (without `out=`). */
export const READS_ONLY = new Set([
  'astype', 'tolist', 'any', 'all', 'prod', 'sum', 'copy', 'reshape', 'view', 'ravel', 'flatten', 'transpose',
  'item', 'min', 'max', 'mean', 'argmin', 'argmax', 'nonzero', 'cumsum', 'cumprod', 'round', 'clip', 'dot', 'squeeze',
]);

/**
 * Methods of an array whose items the code fixes (`vectors.ts`) that compute from the items;
 * `undefined` leaves the call to `METHODS`.
 */
export const ON_ITEMS: Readonly<Record<string, (v: Val, a: Args, arith: Scalar) => Val | undefined>> = {
  astype: (v, a) => { const d = dtypeOf(a.pos[0] ?? a.kw.get('dtype'), 'numpy'); return d ? converted(v, d) : undefined; },
  tolist: (v) => ({ k: 'tuple', items: valuesOf(v)!, seq: 'list' }),
  copy: (v) => v,
  any: (v, a) => (a.pos.length === 0 && a.kw.size === 0 ? anyAll(v, 'any') : undefined),
  all: (v, a) => (a.pos.length === 0 && a.kw.size === 0 ? anyAll(v, 'all') : undefined),
  sum: (v, a, arith) => (a.pos.length === 0 && a.kw.size === 0 ? reduced(v, '+', arith) : undefined),
  prod: (v, a, arith) => (a.pos.length === 0 && a.kw.size === 0 ? reduced(v, '*', arith) : undefined),
};

/** `x.swapaxes(i, j)` (and torch's `t.transpose(i, j)`): the view with two axes exchanged. */
function swappedAxes(x: ArrayFact, pos: readonly Val[]): Val {
  const i = constOfInt(pos[0]);
  const j = constOfInt(pos[1]);
  const nd = x.shape?.length;
  if (i === undefined || j === undefined || nd === undefined) return UNKNOWN;
  const perm = [...Array(nd).keys()];
  const ii = i < 0 ? i + nd : i; const jj = j < 0 ? j + nd : j;
  if (perm[ii] === undefined || perm[jj] === undefined) return UNKNOWN;
  [perm[ii], perm[jj]] = [perm[jj]!, perm[ii]!];
  const t = transposed(x, perm);
  return t ? { k: 'array', a: t } : UNKNOWN;
}

/** `t.stride()` / `t.size()` (the whole tuple) or `t.stride(i)` / `t.size(i)` (one entry), symbolic when the tensor's dims are unknown. */
function tensorDims(values: readonly Lin[] | undefined, label: string, attr: 'shape' | 'strides', pos: readonly Val[]): Val {
  const i = pos[0] && intOf(pos[0]);
  const c = i && constOf(i);
  if (values) {
    if (c === undefined) return pos.length === 0 ? { k: 'tuple', items: values.map((e) => ({ k: 'int', e })) } : UNKNOWN;
    const e = values[c < 0 ? c + values.length : c];
    return e ? { k: 'int', e } : UNKNOWN;
  }
  if (c === undefined || c < 0) return pos.length === 0 ? { k: 'symtuple', base: `${label}.${attr}` } : UNKNOWN;
  return { k: 'int', e: attrAtom(label, attr, c) };
}

/** A new C-ordered copy of `x` with its dtype (`flat`: in one dimension). */
function copyOf(x: ArrayFact, flat: boolean): Val {
  if (!x.shape || !x.dtype) return UNKNOWN;
  const shape = flat ? [sizeLin(x.shape)] : [...x.shape];
  if (shape.some((s) => !s)) return UNKNOWN;
  return arrayVal(x.lib, x.label, shape as Lin[], x.dtype);
}

/**
 * torch's `t.clone()` (memory_format=torch.preserve_format): a tensor whose strides are a
 * permutation of contiguous ones keeps them (a transposed one stays transposed); any other of up
 * to 3 dimensions becomes contiguous; one of 4 or more may become channels-last: unknown.
 */
function cloned(x: ArrayFact): Val {
  const dense = denseStrides(x);
  const copy = copyOf(x, false);
  if (dense && copy.k === 'array' && x.strides) return { k: 'array', a: { ...copy.a, strides: x.strides } };
  return dense === false && (x.shape?.length ?? 4) <= 3 ? copy : UNKNOWN;
}

/** `x.reshape(…)` and torch's `t.view(…)`: the sizes one by one, as a tuple or as `shape=`. */
const reshape: LibMethod = (x, a) => {
  const s = varargShape(a) ?? shapeOf(a.kw.get('shape'));
  const order = a.kw.get('order');
  if (order && !(order.k === 'str' && order.v === 'C')) return UNKNOWN;
  const r = s && reshaped(x, s);
  return r ? { k: 'array', a: r } : UNKNOWN;
};

/** `x.transpose(axes)` (NumPy) and `t.permute(dims)`: the axes in the order given, reversed without one. */
const permute: LibMethod = (x, a) => {
  const axes = a.pos.length === 0 ? undefined : varargShape(a)?.map(constOf);
  if (axes && axes.some((v) => v === undefined)) return UNKNOWN;
  const t = transposed(x, axes as number[] | undefined);
  return t ? { k: 'array', a: t } : UNKNOWN;
};

/** `x.astype(dtype)`, torch's `t.to(dtype)` and `t.type(dtype)`: a copy in that dtype. */
const cast: LibMethod = (x, a) => {
  const d = dtypeOf(a.pos[0] ?? a.kw.get('dtype'), x.lib);
  if (!d || !x.shape) return UNKNOWN;
  return arrayVal(x.lib, x.label, [...x.shape], d);
};

export const METHODS: Readonly<Record<string, LibMethod>> = {
  reshape,
  // NumPy's `x.view()` is the array itself (a view as another dtype is not modelled).
  view: (x, a) => (x.lib === 'numpy' ? (a.pos.length === 0 ? { k: 'array', a: x } : UNKNOWN) : reshape(x, a)),
  transpose: (x, a) => (x.lib === 'torch' ? swappedAxes(x, a.pos) : permute(x, a)),
  permute,
  t: (x) => { const t = transposed(x); return t ? { k: 'array', a: t } : UNKNOWN; },
  swapaxes: (x, a) => swappedAxes(x, a.pos),
  astype: cast,
  to: cast,
  type: cast,
  copy: (x) => copyOf(x, false),
  clone: (x) => (x.lib === 'torch' ? cloned(x) : copyOf(x, false)),
  flatten: (x) => copyOf(x, true),
  contiguous: (x) => (isCContiguousFact(x) ? { k: 'array', a: x } : copyOf(x, false)),
  ravel: (x) => {
    if (isCContiguousFact(x)) {
      const s = x.shape && sizeLin(x.shape);
      const r = s && reshaped(x, [s]);
      return r ? { k: 'array', a: r } : UNKNOWN;
    }
    return copyOf(x, true);
  },
  numpy: (x) => {
    if (x.lib !== 'torch' || !x.dtype || !x.strides) return UNKNOWN;
    const isz = x.dtype.itemsize;
    const strides = x.strides.map((s) => linScale(s, isz));
    const off = linScale(x.offset, isz);
    const size = x.buffer.size && linScale(x.buffer.size, isz);
    if (strides.some((s) => !s) || !off) return UNKNOWN;
    return { k: 'array', a: { ...x, lib: 'numpy', strides: strides as Lin[], offset: off, itemsize: lin(isz), buffer: { label: x.buffer.label, size } } };
  },
  stride: (x, a) => (x.lib === 'torch' ? tensorDims(x.strides, x.label, 'strides', a.pos) : UNKNOWN),
  size: (x, a) => tensorDims(x.shape, x.label, 'shape', a.pos),
  element_size: (x) => ({ k: 'int', e: x.itemsize }),
  numel: (x) => { const n = x.shape && sizeLin(x.shape); return n ? { k: 'int', e: n } : UNKNOWN; },
  storage_offset: (x) => (x.lib === 'torch' ? { k: 'int', e: x.offset } : UNKNOWN),
  dim: (x) => (x.shape ? { k: 'int', e: lin(x.shape.length) } : UNKNOWN),
};
