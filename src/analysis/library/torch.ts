/**
 * PyTorch's functions: what each gives (a tensor's shape, strides in elements and dtype) for
 * the arguments the code passes. `TORCH` is keyed by the path after `torch.` (`zeros`,
 * `from_numpy`). To model a function, add one entry; a name without one gives an unknown
 * value. `torch.as_strided` is not an entry: the interpreter records it (`interp.ts`).
 */
import { constOf, lin, type Lin } from '../linear';
import { arrayOf, FLOAT32, FLOAT64, INT64, intOf, UNKNOWN, type DType } from '../values';
import { arg, arrayVal, dtypeOr, literalArray, shapeOf, varargShape, type Args, type LibFunction } from './common';

/** How messages name the tensors these functions make. */
const LABEL = 'tensor';

/** The dtype the `dtype` keyword names, `dflt` without one. */
function dtypeKw(a: Args, dflt: DType): DType | undefined {
  return dtypeOr(a.kw.get('dtype'), 'torch', dflt);
}

/** `torch.zeros(3, 4)` or `torch.zeros((3, 4))` (or `size=`), `ones`, `empty`, `randn`, `rand`. */
const sized: LibFunction = (a) => arrayVal('torch', LABEL, varargShape(a) ?? shapeOf(a.kw.get('size')), dtypeKw(a, FLOAT32));

export const TORCH: Readonly<Record<string, LibFunction>> = {
  zeros: sized,
  ones: sized,
  empty: sized,
  randn: sized,
  rand: sized,
  randint: (a) => {
    const size = a.kw.get('size') ?? a.pos[a.pos.length - 1];
    return arrayVal('torch', LABEL, shapeOf(size), dtypeKw(a, INT64));
  },
  full: (a) => {
    const fill = arg(a, 1, 'fill_value');
    return arrayVal('torch', LABEL, shapeOf(arg(a, 0, 'size')), dtypeKw(a, fill?.k === 'int' ? INT64 : FLOAT32));
  },
  arange: (a) => {
    const nums = a.pos.slice(0, 3);
    const ints = nums.map(intOf).map((e) => e && constOf(e));
    const isFloat = nums.some((v) => v.k === 'float');
    if (ints.some((x) => x === undefined) || ints.length === 0) return UNKNOWN;
    const [start, stop, step] = ints.length === 1 ? [0, ints[0]!, 1] : [ints[0]!, ints[1]!, ints[2] ?? 1];
    if (step === 0) return UNKNOWN;
    return arrayVal('torch', LABEL, [lin(Math.max(0, Math.ceil((stop - start) / step)))], dtypeKw(a, isFloat ? FLOAT32 : INT64));
  },
  tensor: (a) => {
    const lit = a.pos[0] && literalArray(a.pos[0]);
    if (!lit) return UNKNOWN;
    return arrayVal('torch', LABEL, lit.shape, dtypeKw(a, lit.dtype === FLOAT64 ? FLOAT32 : lit.dtype));
  },
  from_numpy: (a) => {
    const x = a.pos[0] && arrayOf(a.pos[0]);
    if (!x || x.lib !== 'numpy' || !x.dtype || !x.strides || !x.shape) return UNKNOWN;
    const isz = x.dtype.itemsize;
    const el = (e: Lin) => { const c = constOf(e); return c !== undefined && c % isz === 0 ? lin(c / isz) : undefined; };
    const strides = x.strides.map(el);
    const off = el(x.offset);
    const size = x.buffer.size && constOf(x.buffer.size);
    if (strides.some((s) => !s) || !off || size === undefined) return UNKNOWN;
    return { k: 'array', a: { ...x, lib: 'torch', strides: strides as Lin[], offset: off, buffer: { label: x.buffer.label, size: lin(Math.floor(size / isz)) } } };
  },
};
