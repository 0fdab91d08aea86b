/**
 * PyTorch's functions: what each gives (a tensor's shape, strides in elements and dtype) for
 * the arguments the code passes. `TORCH` is keyed by the path after `torch.` (`zeros`,
 * `from_numpy`). To model a function, add one entry; a name without one gives an unknown
 * value. `torch.as_strided` is not an entry: the interpreter records it (`calls.ts`).
 */
import { constOf, lin, linAdd, linFloorDiv, linMul, linScale, linSub, linText, type Lin } from '../linear';
import { arrayOf, FLOAT32, FLOAT64, INT64, intOf, UNKNOWN, type ArrayFact, type DType, type Val } from '../values';
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

/** What `torch.nn.functional.unfold` (im2col) makes of its input, or why torch raises. */
export interface Im2col {
  /** The copy's shape: `(N, C·kh·kw, L)`, or `(C·kh·kw, L)` for a `(C, H, W)` input. */
  readonly shape: readonly Lin[] | undefined;
  /** Blocks along H and W (`L` is their product) and the kernel's size. */
  readonly blocks: readonly [Lin, Lin] | undefined;
  readonly kernel: readonly [Lin, Lin] | undefined;
  readonly problem: string | undefined;
}

/** An int or a pair of ints (`kernel_size=3`, `stride=(2, 1)`), as torch's `_pair`; a tuple of another length raises. */
function pair(v: Val | undefined, name: string, dflt: number): { pair?: [Lin, Lin]; problem?: string } {
  if (!v) return { pair: [lin(dflt), lin(dflt)] };
  const one = v.k === 'int' || v.k === 'bool' ? intOf(v) : undefined;
  if (one) return { pair: [one, one] };
  if (v.k !== 'tuple' || v.seq === 'generator') return {};
  if (v.items.length !== 2) return { problem: `It is expected ${name} equals to 2, but got size ${v.items.length}` };
  const [a, b] = v.items.map((x) => (x.k === 'int' ? x.e : undefined));
  return a && b ? { pair: [a, b] } : {};
}

const IM2COL_CHECKS: readonly { arg: string; at: number; dflt: number; least: number; what: string; h: string; w: string }[] = [
  { arg: 'kernel_size', at: 1, dflt: 1, least: 1, what: 'kernel size should be greater than zero', h: 'kernel_height', w: 'kernel_width' },
  { arg: 'dilation', at: 2, dflt: 1, least: 1, what: 'dilation should be greater than zero', h: 'dilation_height', w: 'dilation_width' },
  { arg: 'padding', at: 3, dflt: 0, least: 0, what: 'padding should be non-negative', h: 'pad_height', w: 'pad_width' },
  { arg: 'stride', at: 4, dflt: 1, least: 1, what: 'stride should be greater than zero', h: 'stride_height', w: 'stride_width' },
];

/**
 * `F.unfold(input, kernel_size, dilation=1, padding=0, stride=1)`: blocks along each spatial
 * axis `⌊(n + 2·p − d·(k − 1) − 1) / s⌋ + 1`, as torch computes them, and torch's own words
 * when it raises (a block count below 1, a kernel, dilation or stride below 1, a negative
 * padding, an input that is not 3-d or 4-d). Checked against torch in the corpus.
 */
export function im2col(input: ArrayFact | undefined, a: Args): Im2col {
  const none = { shape: undefined, blocks: undefined, kernel: undefined };
  const pairs: [Lin, Lin][] = [];
  for (const c of IM2COL_CHECKS) {
    const r = pair(arg(a, c.at, c.arg), c.arg, c.dflt);
    if (r.problem) return { ...none, problem: r.problem };
    if (!r.pair) return { ...none, problem: undefined };
    const [h, w] = r.pair.map(constOf);
    if ((h !== undefined && h < c.least) || (w !== undefined && w < c.least)) {
      return { ...none, problem: `${c.what}, but got ${c.h}: ${h ?? '?'} ${c.w}: ${w ?? '?'}` };
    }
    pairs.push(r.pair);
  }
  const [kernel, dilation, padding, stride] = pairs as [[Lin, Lin], [Lin, Lin], [Lin, Lin], [Lin, Lin]];
  const shape = input?.shape;
  if (!shape) return { ...none, problem: undefined };
  if (shape.length !== 3 && shape.length !== 4) {
    return { ...none, problem: `F.unfold takes a 3-d (C, H, W) or 4-d (N, C, H, W) input; this one has ${shape.length} dimensions` };
  }
  const [c, h, w] = shape.slice(-3) as [Lin, Lin, Lin];
  // Any step past the domain's bounds leaves that count unknown (never a guess).
  const blocks = ([h, w] as const).map((n, i) => {
    const pad = linScale(padding[i]!, 2);
    const padded = pad && linAdd(n, pad);
    const reach = padded && linAdd(padded, lin(-1));
    const k1 = linAdd(kernel[i]!, lin(-1));
    const span = k1 && linMul(dilation[i]!, k1);
    const left = reach && span && linSub(reach, span);
    const q = left && linFloorDiv(left, stride[i]!);
    return q && linAdd(q, lin(1));
  });
  const [bh, bw] = blocks;
  const cb = [bh, bw].map((b) => b && constOf(b));
  if (cb.some((b) => b !== undefined && b < 1)) {
    const text = (xs: readonly (Lin | undefined)[]) => `(${xs.map((x) => (x ? constOf(x) ?? linText(x) : '?')).join(', ')})`;
    return {
      ...none,
      problem: `Given input with spatial size ${text([h, w])}, kernel_size=${text(kernel)}, dilation=${text(dilation)}, padding=${text(padding)}, calculated shape of the array of sliding blocks as ${text([bh, bw])}, but its components must be at least one.`,
    };
  }
  const area = linMul(kernel[0], kernel[1]);
  const ch = area && linMul(c, area);
  const length = bh && bw && linMul(bh, bw);
  const out = ch && length ? [...shape.slice(0, -3), ch, length] : undefined;
  return { shape: out, blocks: bh && bw ? [bh, bw] : undefined, kernel, problem: undefined };
}
