/**
 * NumPy's functions: what each gives (an array's shape, strides and dtype, or a number) for
 * the arguments the code passes. `NUMPY` is keyed by the path after `numpy.` (`zeros`,
 * `random.rand`, `random.Generator.integers`). To model a function, add one entry; a name
 * without one gives an unknown value. The stride calls (`as_strided`,
 * `sliding_window_view`) are not entries: the interpreter records them (`calls.ts`).
 */
import { broadcastTo, isCContiguousFact, isFContiguousFact, newArray, reshaped, transposed } from '../arrays';
import { constOf, lin, linAdd, type Lin } from '../linear';
import {
  arrayOf, BOOL, constOfInt, FLOAT64, INT64, intOf, UNKNOWN, type DType, type Val,
} from '../values';
import {
  arg, arrayVal, dtypeOf, dtypeOr, literalArray, orderOf, product, shapeOf, varargShape,
  type Args, type LibFunction, type NpyHeader,
} from './common';
import { anyAll, converted, fromTuple, reduced, rounded as roundedItems, valuesOf } from '../vectors';

/** `np.zeros(shape, dtype)`, `np.ones`, `np.empty`. */
const filled: LibFunction = (a, cx) => arrayVal('numpy', cx.label, shapeOf(arg(a, 0, 'shape')), dtypeOr(arg(a, 1, 'dtype'), 'numpy', FLOAT64), newOrder(arg(a, 2, 'order')));

/** The memory order of a new array from a shape: C, or F (`order='F'`); unknown for anything else. */
function newOrder(v: Val | undefined): 'C' | 'F' | undefined {
  const o = orderOf(v, 'C');
  return o === 'C' || o === 'F' ? o : undefined;
}

/**
 * `np.array(x)`, `np.zeros_like(x)`, …: a new array shaped as `x` (an array, a literal list or
 * tuple, or a number), in the memory order `order=` asks (`'K'`, the default of most, keeps a
 * C- or F-contiguous source's; another layout is unknown). `dtypeAt`: where the dtype may
 * come by position (`np.array(x, np.float32)`); `orderAt`: where `order` may; `noCopy`
 * (`np.asarray`, `np.array(x, copy=False)`): an array of the same dtype is returned as it is,
 * in any layout the order allows; `contiguous` (`np.ascontiguousarray`): as it is when
 * C-contiguous, else a C copy; `items`: a flat list of numbers, or an array with items, keeps
 * its items (`vectors.ts`). Arguments past those (`shape=` of `zeros_like`, `subok`, a
 * positional `order` of NumPy 1's `np.array`) make it unknown.
 */
function fromArray(opts: { dtypeAt?: number; orderAt?: number; noCopy?: boolean; contiguous?: boolean; items?: boolean }): LibFunction {
  return (a, cx) => {
    const first = a.pos[0];
    const d = dtypeOf(a.kw.get('dtype') ?? (opts.dtypeAt !== undefined ? a.pos[opts.dtypeAt] : undefined), 'numpy');
    const known = new Set(['dtype', 'order', 'copy', 'ndmin', 'like']);
    if ([...a.kw.keys()].some((k) => !known.has(k) || (k === 'ndmin' && constOfInt(a.kw.get(k)) !== 0))) return UNKNOWN;
    if (a.pos.length > Math.max(opts.orderAt ?? 0, opts.dtypeAt ?? 0) + 1) return UNKNOWN;
    // `copy=False` (or None) copies only when it must: as `np.asarray`.
    const copyV = a.kw.get('copy');
    if (copyV && copyV.k !== 'bool' && copyV.k !== 'none') return UNKNOWN;
    const noCopy = opts.noCopy || (copyV !== undefined && (copyV.k === 'none' || (copyV.k === 'bool' && !copyV.v)));
    const order = opts.contiguous ? 'C' : orderOf(opts.orderAt !== undefined ? arg(a, opts.orderAt, 'order') : a.kw.get('order'), 'K');
    if (!order) return UNKNOWN;
    const src0 = first && arrayOf(first);
    // A literal list or tuple, or a single number (a 0-d array).
    if (first && (first.k === 'tuple' || first.k === 'float' || first.k === 'bool' || (first.k === 'int' && constOf(first.e) !== undefined))) {
      const lit = literalArray(first);
      if (!lit) return UNKNOWN;
      if (opts.items && lit.shape.length === 1) return fromTuple(first, cx.label, d) ?? UNKNOWN;
      return arrayVal('numpy', cx.label, lit.shape, d ?? lit.dtype, order === 'F' ? 'F' : 'C');
    }
    if (opts.items && first && valuesOf(first)) {
      if (noCopy && !d) return first;
      return converted(first, d ?? src0!.dtype!) ?? UNKNOWN;
    }
    if (!src0 || !src0.shape || (!src0.dtype && !d)) return UNKNOWN;
    const c = isCContiguousFact(src0);
    const f = isFContiguousFact(src0);
    const sameDtype = !d || d.name === src0.dtype?.name;
    // No copy when the layout already is what the order asks.
    if ((noCopy || opts.contiguous) && sameDtype && (order === 'K' || order === 'A' || (order === 'C' && c) || (order === 'F' && f))) return { k: 'array', a: src0 };
    const layout = order === 'C' || order === 'F' ? order : c ? 'C' : f && (order === 'K' || order === 'A') ? 'F' : undefined;
    return arrayVal('numpy', cx.label, [...src0.shape], d ?? src0.dtype, layout);
  };
}

/** `np.ceil` / `np.floor` / `np.trunc`: of a number a float, of an array with items the rounded items. */
function rounded(how: 'ceil' | 'floor' | 'trunc'): LibFunction {
  return (a) => {
    const v = a.pos[0];
    const items = v && roundedItems(v, how);
    if (items) return items;
    if (v?.k === 'int') { const c = constOf(v.e); return c === undefined ? { k: 'float' } : { k: 'float', v: c }; }
    // `np.ceil(len(x) / hop)`: that ratio's ceiling, as a float (`int(...)` makes it the integer).
    if (v?.k === 'float' && v.ratio) return { k: 'float', ratio: how === 'trunc' || v.ratio.round ? undefined : { ...v.ratio, round: how } };
    return v?.k === 'float' ? { k: 'float', v: v.v === undefined ? undefined : Math[how](v.v) } : UNKNOWN;
  };
}

/** A binary ufunc (`np.subtract(a, b)`): the operator on numbers and on arrays with items. */
function ufunc(op: string): LibFunction {
  return (a, cx) => (a.pos.length === 2 && a.kw.size === 0 ? cx.arith(op, a.pos[0]!, a.pos[1]!) : UNKNOWN);
}

/** NumPy functions that write into an argument (besides any function given `out=`). */
export const WRITES_ARGUMENT = /^(copyto|put|place|putmask|fill_diagonal|put_along_axis|random\.shuffle|ndarray\..*)$/;

/** `np.concatenate(arrays, axis)`, and `np.hstack(arrays)` (`hstack`: along axis 1 unless the arrays are 1-d). */
function joined(hstack: boolean): LibFunction {
  return (a, cx) => {
    const parts = a.pos[0];
    const axisV = arg(a, 1, 'axis');
    const axis = axisV ? constOfInt(axisV) : 0;
    if (parts?.k !== 'tuple' || parts.items.length === 0 || axis === undefined) return UNKNOWN;
    const arrs = parts.items.map((p) => arrayOf(p));
    if (arrs.some((x) => !x?.shape || !x.dtype)) return UNKNOWN;
    const first = arrs[0]!;
    const nd = first.shape!.length;
    const ax = hstack && nd > 1 ? 1 : axis < 0 ? axis + nd : axis;
    if (arrs.some((x) => x!.shape!.length !== nd || x!.dtype!.name !== first.dtype!.name) || ax < 0 || ax >= nd) return UNKNOWN;
    let total: Lin | undefined = lin(0);
    for (const x of arrs) total = total && linAdd(total, x!.shape![ax]!);
    if (!total) return UNKNOWN;
    const shape = [...first.shape!];
    shape[ax] = total;
    return arrayVal('numpy', cx.label, shape, dtypeOf(a.kw.get('dtype'), 'numpy') ?? first.dtype);
  };
}

/** `np.eye(n, m)` (`columns`: a second size may follow) and `np.identity(n)`. */
function square(columns: boolean): LibFunction {
  return (a, cx) => {
    const n0 = intOf(a.pos[0] ?? UNKNOWN);
    const m0 = columns ? (a.pos[1] && a.pos[1].k !== 'none' ? intOf(a.pos[1]) : n0) : n0;
    return arrayVal('numpy', cx.label, n0 && m0 ? [n0, m0] : undefined, dtypeOf(a.kw.get('dtype'), 'numpy') ?? FLOAT64);
  };
}

/** `np.random.rand(d0, d1, …)`, `randn`: float64 of the sizes given one by one. */
const randomVararg: LibFunction = (a, cx) => arrayVal('numpy', cx.label, varargShape(a), FLOAT64);

/**
 * A random array shaped by the `size` argument at position `sizeAt`, of the dtype
 * `dtypeArg(a)` names (`dflt` when it names none).
 */
function random(sizeAt: number, dflt: DType, dtypeArg: (a: Args) => Val | undefined = () => undefined): LibFunction {
  return (a, cx) => arrayVal('numpy', cx.label, shapeOf(arg(a, sizeAt, 'size')), dtypeOf(dtypeArg(a), 'numpy') ?? dflt);
}

const generator: LibFunction = () => ({ k: 'ref', path: 'numpy.random.Generator' });

function padWidths(v: Val, nd: number): [Lin, Lin][] | undefined {
  const e = intOf(v);
  if (e) return Array.from({ length: nd }, () => [e, e] as [Lin, Lin]);
  if (v.k !== 'tuple') return undefined;
  const pair = (x: Val): [Lin, Lin] | undefined => {
    const one = intOf(x);
    if (one) return [one, one];
    if (x.k === 'tuple' && x.items.length === 1) { const y = intOf(x.items[0]!); return y ? [y, y] : undefined; }
    if (x.k === 'tuple' && x.items.length === 2) {
      const b = intOf(x.items[0]!); const c = intOf(x.items[1]!);
      return b && c ? [b, c] : undefined;
    }
    return undefined;
  };
  if (v.items.length === 2 && v.items.every((x) => intOf(x))) {
    const p = pair(v);
    return p ? Array.from({ length: nd }, () => p) : undefined;
  }
  if (v.items.length === 1) {
    const p = pair(v.items[0]!);
    return p ? Array.from({ length: nd }, () => p) : undefined;
  }
  if (v.items.length !== nd) return undefined;
  const out: [Lin, Lin][] = [];
  for (const x of v.items) { const p = pair(x); if (!p) return undefined; out.push(p); }
  return out;
}

/** `np.broadcast_to(x, shape)`: a read-only view with zero strides on the broadcast axes. */
const broadcast: LibFunction = (a) => {
  const x = a.pos[0] && arrayOf(a.pos[0]);
  const s = shapeOf(arg(a, 1, 'shape'));
  const b = x && s && broadcastTo(x, s);
  return b ? { k: 'array', a: b } : UNKNOWN;
};

export const NUMPY: Readonly<Record<string, LibFunction>> = {
  zeros: filled,
  ones: filled,
  empty: filled,
  full: (a, cx) => {
    const fill = arg(a, 1, 'fill_value');
    return arrayVal('numpy', cx.label, shapeOf(arg(a, 0, 'shape')), dtypeOr(arg(a, 2, 'dtype'), 'numpy', fill?.k === 'int' ? INT64 : fill?.k === 'bool' ? BOOL : FLOAT64), newOrder(arg(a, 3, 'order')));
  },
  zeros_like: fromArray({ dtypeAt: 1, orderAt: 2 }),
  ones_like: fromArray({ dtypeAt: 1, orderAt: 2 }),
  empty_like: fromArray({ dtypeAt: 1, orderAt: 2 }),
  full_like: fromArray({ dtypeAt: 2, orderAt: 3 }),
  copy: fromArray({ orderAt: 1, items: true }),
  array: fromArray({ dtypeAt: 1, items: true }),
  asarray: fromArray({ dtypeAt: 1, orderAt: 2, noCopy: true, items: true }),
  ascontiguousarray: fromArray({ dtypeAt: 1, contiguous: true, items: true }),
  ceil: rounded('ceil'),
  floor: rounded('floor'),
  trunc: rounded('trunc'),
  prod: (a, cx) => (a.pos[0]?.k === 'tuple' ? product(a.pos[0]) : (a.pos[0] && reduced(a.pos[0], '*', cx.arith)) ?? UNKNOWN),
  any: (a) => (a.pos[0] && anyAll(a.pos[0], 'any')) ?? UNKNOWN,
  all: (a) => (a.pos[0] && anyAll(a.pos[0], 'all')) ?? UNKNOWN,
  isscalar: (a) => {
    const k = a.pos[0]?.k;
    return k === 'int' || k === 'float' || k === 'bool' || k === 'str' ? { k: 'bool', v: true } : k === 'tuple' || k === 'array' || k === 'none' ? { k: 'bool', v: false } : UNKNOWN;
  },
  add: ufunc('+'),
  subtract: ufunc('-'),
  multiply: ufunc('*'),
  floor_divide: ufunc('//'),
  true_divide: ufunc('/'),
  divide: ufunc('/'),
  concatenate: joined(false),
  hstack: joined(true),
  arange: (a, cx) => {
    const nums = a.pos.slice(0, 3);
    const isFloat = nums.some((v) => v.k === 'float');
    // NumPy's length: ceil((stop − start) / step) in doubles, for floats as for ints.
    const ints = nums.map((v) => { const e = intOf(v); return v.k === 'float' ? v.v : e && constOf(e); });
    const d = dtypeOf(a.kw.get('dtype') ?? a.pos[3], 'numpy') ?? (isFloat ? FLOAT64 : INT64);
    if (ints.some((x) => x === undefined) || ints.length === 0) {
      if (nums.length === 1) { const e = intOf(nums[0]!); if (e) return arrayVal('numpy', cx.label, [e], d); }
      return UNKNOWN;
    }
    const [start, stop, step] = ints.length === 1 ? [0, ints[0]!, 1] : [ints[0]!, ints[1]!, ints[2] ?? 1];
    if (step === 0) return UNKNOWN;
    return arrayVal('numpy', cx.label, [lin(Math.max(0, Math.ceil((stop - start) / step)))], d);
  },
  linspace: (a, cx) => {
    const num = arg(a, 2, 'num');
    const e = num ? intOf(num) : lin(50);
    return arrayVal('numpy', cx.label, e ? [e] : undefined, dtypeOf(a.kw.get('dtype'), 'numpy') ?? FLOAT64);
  },
  eye: square(true),
  identity: square(false),
  'random.rand': randomVararg,
  'random.randn': randomVararg,
  'random.random': random(0, FLOAT64),
  'random.random_sample': random(0, FLOAT64),
  'random.sample': random(0, FLOAT64),
  'random.ranf': random(0, FLOAT64),
  'random.uniform': random(2, FLOAT64),
  'random.normal': random(2, FLOAT64),
  'random.standard_normal': random(0, FLOAT64),
  'random.randint': random(2, INT64, (a) => a.kw.get('dtype')),
  'random.default_rng': generator,
  'random.RandomState': generator,
  'random.Generator': generator,
  'random.Generator.standard_normal': random(0, FLOAT64, (a) => arg(a, 1, 'dtype')),
  'random.Generator.random': random(0, FLOAT64, (a) => arg(a, 1, 'dtype')),
  'random.Generator.normal': random(2, FLOAT64),
  'random.Generator.uniform': random(2, FLOAT64),
  'random.Generator.integers': random(2, INT64, (a) => arg(a, 3, 'dtype')),
  'random.Generator.rand': randomVararg,
  'random.Generator.randn': randomVararg,
  'random.Generator.random_sample': random(0, FLOAT64),
  'random.Generator.randint': random(2, INT64),
  reshape: (a) => {
    const x = a.pos[0] && arrayOf(a.pos[0]);
    const s = shapeOf(arg(a, 1, 'newshape'));
    const r = x && s && reshaped(x, s);
    return r ? { k: 'array', a: r } : UNKNOWN;
  },
  transpose: (a) => {
    const x = a.pos[0] && arrayOf(a.pos[0]);
    const axes = shapeOf(arg(a, 1, 'axes'))?.map(constOf);
    const t = x && transposed(x, axes && axes.every((v) => v !== undefined) ? (axes as number[]) : undefined);
    return t ? { k: 'array', a: t } : UNKNOWN;
  },
  pad: (a, cx) => {
    const x = a.pos[0] && arrayOf(a.pos[0]);
    const pw = arg(a, 1, 'pad_width');
    if (!x?.shape || !x.dtype || !pw) return UNKNOWN;
    const pads = padWidths(pw, x.shape.length);
    if (!pads) return UNKNOWN;
    const shape = x.shape.map((n, k) => linAdd(linAdd(n, pads[k]![0]) ?? n, pads[k]![1]));
    if (shape.some((s) => !s)) return UNKNOWN;
    return arrayVal('numpy', cx.label, shape as Lin[], x.dtype);
  },
  broadcast_to: broadcast,
  'lib.stride_tricks.broadcast_to': broadcast,
  load: (a, cx) => {
    const f = a.pos[0];
    if (f?.k !== 'str' || !/\.npy$/i.test(f.v) || !cx.readNpyHeader) return UNKNOWN;
    let h: NpyHeader | undefined;
    try { h = cx.readNpyHeader(f.v); } catch { h = undefined; }
    if (!h || !Array.isArray(h.shape) || !h.shape.every((d) => Number.isSafeInteger(d) && d >= 0) || !(h.itemsize > 0)) return UNKNOWN;
    const d: DType = { name: h.dtype, itemsize: h.itemsize };
    const arr = newArray('numpy', cx.label, h.shape.map(lin), d);
    if (!h.fortranOrder) return { k: 'array', a: arr };
    const rev = transposed(newArray('numpy', cx.label, [...h.shape].reverse().map(lin), d));
    return rev ? { k: 'array', a: rev } : UNKNOWN;
  },
};
