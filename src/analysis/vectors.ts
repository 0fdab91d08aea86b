/**
 * Small 1-d NumPy arrays whose items the code fixes: the shape arithmetic of N-d window and
 * block recipes (`view_as_windows`: `(np.array(a.shape) - np.array(w)) // np.array(step) + 1`,
 * `.tolist()`, `np.ceil(…).astype(int)`). An array value carries its items (`values`) while
 * they are int64 (exact, possibly symbolic), float64 (doubles) or bool; other dtypes and
 * anything longer than NumPy's 64 dimensions keep only the array's layout.
 *
 * Items follow NumPy: int64 arithmetic that would wrap is unknown, `/` gives float64, a
 * comparison gives bool, shapes broadcast only when equal or 1. The interpreter supplies the
 * arithmetic and comparison of two exact integers (`Scalar`), so symbolic items stay symbolic.
 * The interpreter drops every array's values when the code may write into one in place
 * (`forgetValues` in `interp.ts`): arrays alias, these facts are snapshots.
 */
import { newArray } from './arrays';
import { constBig, lin, type Lin } from './linear';
import { BOOL, FLOAT64, INT64, UNKNOWN, type DType, type Val } from './values';

/** Two integers (or bools) combined by a Python operator, as the interpreter evaluates them. */
export type Scalar = (op: string, x: Val, y: Val) => Val;

const MAX_ITEMS = 64;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** Python's comparison operators (their result is a bool, item by item for arrays). */
export const COMPARE: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);
const ARITH = new Set(['+', '-', '*', '/', '//', '%']);
const KEPT = new Set(['int64', 'float64', 'bool']);

/** The items of an array value, when the code fixes them. */
export function valuesOf(v: Val | undefined): readonly Val[] | undefined {
  return v?.k === 'array' && v.values ? v.values : undefined;
}

/** A 1-d NumPy array named `label` holding `items` cast to `dtype` (values kept for int64/float64/bool). */
export function vector(label: string, items: readonly Val[], dtype: DType): Val {
  const a = newArray('numpy', label, [lin(items.length)], dtype);
  if (items.length > MAX_ITEMS || !KEPT.has(dtype.name)) return { k: 'array', a };
  return { k: 'array', a, values: items.map((x) => cast(x, dtype)) };
}

/** `np.array` of a flat tuple or list of numbers: the 1-d array with its items (int64, float64 or bool as NumPy picks, or `dtype`). */
export function fromTuple(v: Val, label: string, dtype?: DType): Val | undefined {
  if (v.k !== 'tuple' || !v.items.every((x) => x.k === 'int' || x.k === 'float' || x.k === 'bool')) return undefined;
  const natural = v.items.some((x) => x.k === 'float') ? FLOAT64 : v.items.some((x) => x.k === 'int') ? INT64 : BOOL;
  return vector(label, v.items, dtype ?? natural);
}

/** `x` as NumPy stores it in an array of `d` (`astype` truncates floats to integers). */
function cast(x: Val, d: DType): Val {
  if (d.name === 'int64') {
    if (x.k === 'bool') return { k: 'int', e: lin(x.v ? 1 : 0) };
    if (x.k === 'int') {
      const c = constBig(x.e);
      return c === undefined || (c >= INT64_MIN && c <= INT64_MAX) ? x : UNKNOWN;
    }
    if (x.k === 'float' && x.v !== undefined && Number.isFinite(x.v)) {
      const t = Math.trunc(x.v);
      return Number.isSafeInteger(t) ? { k: 'int', e: lin(t) } : UNKNOWN;
    }
    return UNKNOWN;
  }
  if (d.name === 'float64') {
    if (x.k === 'float') return x;
    if (x.k === 'bool') return { k: 'float', v: x.v ? 1 : 0 };
    if (x.k === 'int') { const c = constBig(x.e); return c === undefined ? { k: 'float' } : { k: 'float', v: Number(c) }; }
    return UNKNOWN;
  }
  const t = truthOf(x);
  return t === undefined ? UNKNOWN : { k: 'bool', v: t };
}

function truthOf(x: Val): boolean | undefined {
  if (x.k === 'bool') return x.v;
  if (x.k === 'float') return x.v === undefined ? undefined : x.v !== 0;
  if (x.k === 'int') { const c = constBig(x.e); return c === undefined ? undefined : c !== 0n; }
  return undefined;
}

function dtypeOfItems(v: Val): DType | undefined {
  if (v.k === 'array') return v.values ? v.a.dtype : undefined;
  return v.k === 'int' ? INT64 : v.k === 'float' ? FLOAT64 : v.k === 'bool' ? BOOL : undefined;
}

/**
 * `l op r` item by item when one side is an array with values and the other an array with
 * values or a number; `undefined` when this is not such an operation (the caller's rules
 * apply), unknown when NumPy would raise (shapes that do not broadcast).
 */
export function elementwise(op: string, l: Val, r: Val, scalar: Scalar, label: string): Val | undefined {
  if (!valuesOf(l) && !valuesOf(r)) return undefined;
  const dl = dtypeOfItems(l);
  const dr = dtypeOfItems(r);
  const compare = COMPARE.has(op);
  if (!dl || !dr || (!compare && !ARITH.has(op))) return undefined;
  // Arithmetic on bool arrays has its own rules (`+` is `or`): keep only the layout.
  if (!compare && (dl.name === 'bool' || dr.name === 'bool')) return undefined;
  const a = valuesOf(l) ?? [l];
  const b = valuesOf(r) ?? [r];
  const n = a.length === b.length || b.length === 1 ? a.length : a.length === 1 ? b.length : undefined;
  if (n === undefined) return UNKNOWN;
  const floats = dl.name === 'float64' || dr.name === 'float64' || op === '/';
  const out: Val[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length === 1 ? 0 : i]!;
    const y = b[b.length === 1 ? 0 : i]!;
    out.push(floats ? floatOp(op, cast(x, FLOAT64), cast(y, FLOAT64)) : scalar(op, x, y));
  }
  return vector(label, out, compare ? BOOL : floats ? FLOAT64 : INT64);
}

/** Two doubles combined as NumPy's float64 ufuncs do (an unknown operand gives an unknown float). */
function floatOp(op: string, x: Val, y: Val): Val {
  const a = x.k === 'float' ? x.v : undefined;
  const b = y.k === 'float' ? y.v : undefined;
  if (COMPARE.has(op)) {
    if (a === undefined || b === undefined) return UNKNOWN;
    const v = op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : op === '==' ? a === b : a !== b;
    return { k: 'bool', v };
  }
  if (a === undefined || b === undefined) return { k: 'float' };
  let v: number;
  switch (op) {
    case '+': v = a + b; break;
    case '-': v = a - b; break;
    case '*': v = a * b; break;
    case '/': v = a / b; break;
    case '//': v = Math.floor(a / b); break;
    default: v = a - b * Math.floor(a / b);
  }
  return Number.isFinite(v) ? { k: 'float', v } : { k: 'float' };
}

/** `-v` / `+v` of an array with values. */
export function negated(v: Val, op: string, scalar: Scalar): Val | undefined {
  if (v.k !== 'array' || !v.values || v.a.dtype?.name === 'bool' || (op !== '-' && op !== '+')) return undefined;
  if (op === '+') return v;
  const zero: Val = v.a.dtype?.name === 'float64' ? { k: 'float', v: 0 } : { k: 'int', e: lin(0) };
  return elementwise('-', zero, v, scalar, v.a.label);
}

/** `v.astype(d)` / `np.array(v, dtype=d)`: the items converted (floats truncate to integers). */
export function converted(v: Val, d: DType): Val | undefined {
  const items = valuesOf(v);
  return items && v.k === 'array' ? vector(v.a.label, items, d) : undefined;
}

/** `np.ceil(v)` / `np.floor(v)` / `np.trunc(v)` of float64 items: rounded. */
export function rounded(v: Val, how: 'ceil' | 'floor' | 'trunc'): Val | undefined {
  const items = valuesOf(v);
  // Of integers or bools, NumPy 1 gives float64 (or float16) and NumPy 2 keeps the dtype: unknown.
  if (!items || v.k !== 'array' || v.a.dtype?.name !== 'float64') return undefined;
  const f = Math[how];
  return vector(v.a.label, items.map((x) => {
    const y = cast(x, FLOAT64);
    return y.k === 'float' && y.v !== undefined ? { k: 'float', v: f(y.v) } : y;
  }), FLOAT64);
}

/** `v.any()` / `v.all()` / `np.any(v)` / `np.all(v)` when every item that decides it is known. */
export function anyAll(v: Val, which: 'any' | 'all'): Val | undefined {
  const items = valuesOf(v);
  if (!items) return undefined;
  const ts = items.map(truthOf);
  const decisive = which === 'any' ? ts.includes(true) : ts.includes(false);
  if (decisive) return { k: 'bool', v: which === 'any' };
  return ts.includes(undefined) ? UNKNOWN : { k: 'bool', v: which === 'all' };
}

/** `v.prod()` / `np.prod(v)` / `v.sum()` of an int64 array (unknown when it may wrap). */
export function reduced(v: Val, op: '*' | '+', scalar: Scalar): Val | undefined {
  const items = valuesOf(v);
  if (!items || v.k !== 'array' || v.a.dtype?.name !== 'int64') return undefined;
  let acc: Val = { k: 'int', e: lin(op === '*' ? 1 : 0) };
  for (const x of items) acc = cast(scalar(op, acc, x), INT64);
  return acc;
}

/** The item at a constant index (negative counts from the end), or unknown past the end. */
export function itemAt(v: Val, i: number): Val | undefined {
  const items = valuesOf(v);
  if (!items) return undefined;
  return items[i < 0 ? i + items.length : i] ?? UNKNOWN;
}

/** The items as integers when every one is (a shape or strides argument). */
export function intItems(v: Val): Lin[] | undefined {
  const items = valuesOf(v);
  if (!items || v.k !== 'array' || v.a.dtype?.name !== 'int64') return undefined;
  const out: Lin[] = [];
  for (const x of items) { if (x.k !== 'int') return undefined; out.push(x.e); }
  return out;
}
