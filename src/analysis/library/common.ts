/**
 * What the library model's modules share: a call's arguments, reading them as shapes and
 * dtypes, and the arrays the entries return.
 *
 * The library model (this folder) says what each NumPy, PyTorch and builtin function and each
 * array method does to shape, strides and dtype, one small entry per function in a table
 * keyed by its name: `numpy.ts`, `torch.ts`, `builtins.ts`, `methods.ts`. The interpreter
 * (`interp.ts`) evaluates the arguments, looks the entry up and calls it; the stride calls
 * (`as_strided`, `sliding_window_view`, …) are recorded by `calls.ts`, and functions the code
 * defines stay in the interpreter.
 * These modules import neither the interpreter nor Lezer: an entry sees values, not syntax.
 * A helper two of them use goes here.
 */
import { newArray } from '../arrays';
import { lin, linMul, type Lin } from '../linear';
import {
  BOOL, dtypeByName, FLOAT64, INT64, intOf, seqItems, UNKNOWN, type DType, type Lib, type Val,
} from '../values';
import { intItems, type Scalar } from '../vectors';

/** A call's evaluated arguments: positional, then by keyword. */
export interface Args {
  readonly pos: readonly Val[];
  readonly kw: ReadonlyMap<string, Val>;
}

/** What the NumPy `.npy` header of a file says, as the host reads it. */
export interface NpyHeader {
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly itemsize: number;
  readonly fortranOrder: boolean;
}

/** What an entry may need besides its arguments. */
export interface LibCtx {
  /** How messages name a new array the call makes: the call as written, shortened. */
  readonly label: string;
  /** Reads the header of a `.npy` file named in `np.load('…')` (`InterpOptions.readNpyHeader`). */
  readonly readNpyHeader?: ((path: string) => NpyHeader | undefined) | undefined;
  /** Python's arithmetic and comparisons (`+`, `//`, `<`, …) as the interpreter evaluates them, arrays with items included. */
  readonly arith: Scalar;
}

/** One function of the library model: what a call with these arguments gives. */
export type LibFunction = (a: Args, cx: LibCtx) => Val;

/** The entry for `name` in a table of the library model; never one of `Object.prototype`'s (`constructor`). */
export function entryOf<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Argument `name` at position `i`, by keyword or by position. */
export function arg(a: Args, i: number, name: string): Val | undefined {
  return a.kw.get(name) ?? a.pos[i];
}

/**
 * A shape from an int or a tuple of ints. A parameter given whole (`np.zeros(shape)`,
 * `np.broadcast_to(y, shape)`) may be either, so its number of dimensions is unknown; inside
 * a tuple (`(n, w)`) each item is one dimension.
 */
export function shapeOf(v: Val | undefined): Lin[] | undefined {
  if (!v || v.k === 'sym') return undefined;
  const one = intOf(v);
  if (one) return [one];
  if (v.k === 'tuple') {
    const out: Lin[] = [];
    for (const it of v.items) {
      const e = intOf(it);
      if (!e) return undefined;
      out.push(e);
    }
    return out;
  }
  return intItems(v);
}

/** The sizes given one by one from position `from` on (`t.view(3, 4)`), or as one tuple there. */
export function varargShape(a: Args, from = 0): Lin[] | undefined {
  if (a.pos.length === from + 1 && (a.pos[from]!.k === 'tuple' || a.pos[from]!.k === 'sym')) return shapeOf(a.pos[from]);
  const out: Lin[] = [];
  for (const v of a.pos.slice(from)) {
    const e = intOf(v);
    if (!e) return undefined;
    out.push(e);
  }
  return out;
}

/** A new C-ordered (or `order='F'`) array, or unknown when the shape, the dtype or the order is. */
export function arrayVal(lib: Lib, label: string, shape: Lin[] | undefined, dtype: DType | undefined, order: 'C' | 'F' | undefined = 'C'): Val {
  if (!shape || !dtype || !order) return UNKNOWN;
  return { k: 'array', a: newArray(lib, label, shape, dtype, order) };
}

/**
 * An `order=` argument: `'C'`, `'F'`, `'A'` or `'K'` (`dflt` when absent), `undefined` for
 * anything the code does not fix.
 */
export function orderOf(v: Val | undefined, dflt: 'C' | 'K'): 'C' | 'F' | 'A' | 'K' | undefined {
  if (!v || v.k === 'none') return dflt;
  return v.k === 'str' && ['C', 'F', 'A', 'K'].includes(v.v) ? v.v as 'C' | 'F' | 'A' | 'K' : undefined;
}

/** The dtype a value names: a dtype, a type string (`'f4'`), `np.float32`, or `float` / `int` / `bool` / `complex`. */
export function dtypeOf(v: Val | undefined, lib: Lib): DType | undefined {
  if (!v) return undefined;
  if (v.k === 'dtype') return v.d;
  if (v.k === 'str') return dtypeByName(v.v, lib);
  if (v.k === 'ref') {
    const m = /\.([A-Za-z0-9_]+)$/.exec(v.path);
    if (m) return dtypeByName(m[1]!, lib);
  }
  if (v.k === 'sym' && ['float', 'int', 'bool', 'complex'].includes(v.name)) return dtypeByName(v.name === 'int' ? 'int64' : v.name, 'numpy');
  return undefined;
}

/** The dtype a `dtype` argument `v` names; `dflt` when there is none, unknown when it names none the analysis knows. */
export function dtypeOr(v: Val | undefined, lib: Lib, dflt: DType): DType | undefined {
  return dtypeOf(v, lib) ?? (v ? undefined : dflt);
}

/** Shape and default dtype of a nested literal list. */
export function literalArray(v: Val): { shape: Lin[]; dtype: DType } | undefined {
  let kind: 'bool' | 'int' | 'float' = 'bool';
  const shapeAt = (x: Val, depth: number, shape: number[]): boolean => {
    if (x.k === 'tuple') {
      if (shape.length === depth) shape.push(x.items.length);
      else if (shape[depth] !== x.items.length) return false;
      return x.items.every((it) => shapeAt(it, depth + 1, shape));
    }
    if (depth !== shape.length) return false;
    if (x.k === 'float') kind = 'float';
    else if (x.k === 'int') { if (kind === 'bool') kind = 'int'; }
    else if (x.k === 'bool') { /* keeps the kind */ }
    // Anything else (a complex number, a name, an array) may change the dtype or the shape.
    else return false;
    return true;
  };
  const shape: number[] = [];
  if (!shapeAt(v, 0, shape)) return undefined;
  const k = kind as 'bool' | 'int' | 'float';
  return { shape: shape.map(lin), dtype: k === 'float' ? FLOAT64 : k === 'int' ? INT64 : BOOL };
}

/** `math.prod(xs)` / `np.prod(xs)` of a tuple of integers (symbolic factors multiply too). */
export function product(v: Val | undefined): Val {
  const items = v && seqItems(v);
  if (!items) return UNKNOWN;
  let e: Lin | undefined = lin(1);
  for (const it of items) {
    const x = intOf(it);
    e = x && e && linMul(e, x);
    if (!e) return UNKNOWN;
  }
  return { k: 'int', e };
}
