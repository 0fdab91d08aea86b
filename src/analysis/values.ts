/**
 * What the analysis knows about Python values: integers (exact or symbolic), tuples, strings,
 * dtypes, references to library modules and functions, and facts about arrays.
 */
import { constOf, lin, linFloorDiv, linScale, linVar, type Lin } from './linear';

/** A data type by NumPy name (`float32`) and its size in bytes. */
export interface DType {
  readonly name: string;
  readonly itemsize: number;
}

/** Which library an array belongs to: NumPy counts strides and offsets in bytes, PyTorch in elements. */
export type Lib = 'numpy' | 'torch';

/**
 * What the code says about one array. Strides and `offset` are bytes for NumPy and elements
 * for PyTorch; `offset` counts from the start of the buffer (`buffer`) the array reads, so
 * bounds are checked against the whole allocation, as NumPy's memory is.
 */
export interface ArrayFact {
  readonly lib: Lib;
  /** How messages name the array: its variable or a short expression. */
  readonly label: string;
  readonly dtype: DType | undefined;
  /** Bytes per element (an atom `x.itemsize` when the dtype is unknown). */
  readonly itemsize: Lin;
  /** Per-dimension sizes, `undefined` when even the number of dimensions is unknown. */
  readonly shape: readonly Lin[] | undefined;
  readonly strides: readonly Lin[] | undefined;
  readonly offset: Lin;
  /** The allocation the array reads: its name and size (bytes for NumPy, elements for PyTorch). */
  readonly buffer: { readonly label: string; readonly size: Lin | undefined };
  readonly writeable: boolean;
  /** The unknown array whose atoms (`image.strides[0]`) this fact is written in, if any. */
  readonly symbolic: string | undefined;
}

/** `num / den` of integers, rounded down or up when `round` says so. */
export interface Ratio {
  readonly num: Lin;
  readonly den: Lin;
  readonly round?: 'floor' | 'ceil';
}

/**
 * The integer `floor(num / den)` or `ceil(num / den)` as `//` gives it (`-(-num // den)` for the
 * ceiling). Python divides in doubles first; that rounding cannot move the floor or ceiling for
 * any |num| < 2^53 (a size or count of any array a machine holds).
 */
export function ratioToInt(r: Ratio, round: 'floor' | 'ceil'): Lin | undefined {
  if (round === 'floor') return linFloorDiv(r.num, r.den);
  const neg = linScale(r.num, -1);
  const q = neg && linFloorDiv(neg, r.den);
  return q && linScale(q, -1);
}

export type Val =
  | { readonly k: 'int'; readonly e: Lin }
  /**
   * A float; `v` when the code fixes it (a literal such as `9.0`); `ratio` when it is `num /
   * den` of integers the code does not fix (`len(x) / hop`), or, with `round`, that ratio's
   * floor or ceiling as NumPy gives it (`np.ceil(len(x) / hop)`): see `ratioToInt`.
   */
  | { readonly k: 'float'; readonly v?: number; readonly ratio?: Ratio }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'none' }
  | { readonly k: 'str'; readonly v: string }
  /**
   * A tuple; `seq` marks a list (`[…]`, `list(…)`, `.tolist()`) or a generator (`(… for …)`),
   * which behave as tuples here except for `isinstance` and `+`.
   */
  | { readonly k: 'tuple'; readonly items: readonly Val[]; readonly seq?: 'list' | 'generator' }
  /**
   * `x.shape` / `x.strides` of an array whose dimension count is unknown (repeated `times`),
   * or a prefix of it without its last `drop` items, followed by `tail`
   * (`a.shape[:-1] + (n, w)`: the rolling-window recipe).
   */
  | { readonly k: 'symtuple'; readonly base: string; readonly times?: number; readonly drop?: number; readonly tail?: readonly Val[] }
  /**
   * An array; `values` when it is a small 1-d array whose items the code fixes
   * (`np.array(a.shape)`: see `vectors.ts`).
   */
  | { readonly k: 'array'; readonly a: ArrayFact; readonly values?: readonly Val[] }
  /** A `slice(start, stop, step)` object (an omitted or `None` part is `undefined`). */
  | { readonly k: 'slice'; readonly start?: Lin; readonly stop?: Lin; readonly step?: Lin }
  | { readonly k: 'dtype'; readonly d: DType; readonly lib: Lib }
  /** A module, function or class of a known library by its full dotted path. */
  | { readonly k: 'ref'; readonly path: string }
  /** A name bound to nothing the analysis knows (a parameter): an unknown array or integer. */
  | { readonly k: 'sym'; readonly name: string; readonly lib?: Lib }
  /**
   * A function or class the code defines (opaque here: the interpreter's definition record);
   * a method carries the instance it was read from as `self`.
   */
  | { readonly k: 'func'; readonly name: string; readonly def: object; readonly self?: Val }
  /** An instance of a class the code defines: the attributes its `__init__` certainly set. */
  | { readonly k: 'obj'; readonly cls: object; readonly attrs: ReadonlyMap<string, Val> }
  | { readonly k: 'unknown' };

export const UNKNOWN: Val = { k: 'unknown' };

/** NumPy's default dtypes and the common names, with their sizes in bytes. */
const DTYPES: Record<string, number> = {
  bool: 1, bool_: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8,
  float16: 2, half: 2, float32: 4, single: 4, float64: 8, double: 8, float_: 8, longdouble: 16, float128: 16,
  complex64: 8, complex128: 16, cdouble: 16, complex_: 16, intp: 8, int_: 8, uint: 8, intc: 4, uintc: 4, byte: 1, ubyte: 1,
  short: 2, ushort: 2, longlong: 8, ulonglong: 8, bfloat16: 2,
};

const ALIASES: Record<string, string> = {
  bool_: 'bool', half: 'float16', single: 'float32', double: 'float64', float_: 'float64', float: 'float64',
  int: 'int64', int_: 'int64', intp: 'int64', uint: 'uint64', intc: 'int32', uintc: 'uint32', byte: 'int8',
  ubyte: 'uint8', short: 'int16', ushort: 'uint16', longlong: 'int64', ulonglong: 'uint64', cdouble: 'complex128',
  complex_: 'complex128', complex: 'complex128', longdouble: 'float128',
  f2: 'float16', f4: 'float32', f8: 'float64', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
  u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', c8: 'complex64', c16: 'complex128', b1: 'bool',
};

/** Torch's dtype attribute names that differ from NumPy's. */
const TORCH_ALIASES: Record<string, string> = {
  float: 'float32', double: 'float64', half: 'float16', long: 'int64', int: 'int32', short: 'int16',
  cfloat: 'complex64', cdouble: 'complex128',
};

/** A dtype from a NumPy name or type string (`float32`, `'<f4'`, `'f8'`), or `undefined`. */
export function dtypeByName(name: string, lib: Lib = 'numpy'): DType | undefined {
  let n = name.replace(/^[<>=|]/, '');
  n = (lib === 'torch' ? TORCH_ALIASES[n] : undefined) ?? ALIASES[n] ?? n;
  if (n === 'float') n = 'float64';
  const size = DTYPES[n];
  return size === undefined ? undefined : { name: n, itemsize: size };
}

export const FLOAT64: DType = { name: 'float64', itemsize: 8 };
export const FLOAT32: DType = { name: 'float32', itemsize: 4 };
export const INT64: DType = { name: 'int64', itemsize: 8 };
export const BOOL: DType = { name: 'bool', itemsize: 1 };

/** An array the code describes nothing about, named `name`: every quantity is an atom. */
export function unknownArray(name: string, lib: Lib = 'numpy'): ArrayFact {
  return {
    lib,
    label: name,
    dtype: undefined,
    itemsize: linVar(`${name}.itemsize`),
    shape: undefined,
    strides: undefined,
    offset: lin(0),
    buffer: { label: name, size: undefined },
    writeable: true,
    symbolic: name,
  };
}

/** The atom for `name.shape[k]` or `name.strides[k]`. */
export function attrAtom(name: string, attr: 'shape' | 'strides', k: number): Lin {
  return linVar(`${name}.${attr}[${k}]`);
}

/** The integer a value stands for: an int, a bool (0 or 1) or a symbol's atom, else `undefined`. */
export function intOf(v: Val): Lin | undefined {
  if (v.k === 'int') return v.e;
  if (v.k === 'bool') return lin(v.v ? 1 : 0);
  if (v.k === 'sym') return linVar(v.name);
  return undefined;
}

/** The value of an argument that is a safe integer constant, else `undefined`. */
export function constOfInt(v: Val | undefined): number | undefined {
  const e = v && intOf(v);
  return e && constOf(e);
}

/** The array a value stands for: a known fact, or an unknown array named after a symbol. */
export function arrayOf(v: Val, lib?: Lib): ArrayFact | undefined {
  if (v.k === 'array') return v.a;
  if (v.k === 'sym') return unknownArray(v.name, v.lib ?? lib ?? 'numpy');
  return undefined;
}

/** The items of a tuple the analysis knows item by item, else `undefined`. */
export function seqItems(v: Val): readonly Val[] | undefined {
  return v.k === 'tuple' ? v.items : undefined;
}

/** NumPy's limit on dimensions (NPY_MAXDIMS): tuples built by arithmetic never grow past it. */
export const MAX_TUPLE = 64;

/**
 * Item `i` of `x.shape` / `x.strides` when x's dimension count is unknown: an atom named by
 * the index as written (`x.strides[-1]` is its own atom: which axis it is depends on ndim).
 */
export function indexSymtuple(base: string, i: number): Val {
  const m = /^(.*)\.(shape|strides)$/.exec(base);
  if (!m) return UNKNOWN;
  return { k: 'int', e: attrAtom(m[1]!, m[2] as 'shape' | 'strides', i) };
}
