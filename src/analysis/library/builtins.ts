/**
 * Python's builtins and `math` functions the code uses for sizes (`int`, `len`, `max`,
 * `math.ceil`, `math.prod`, …): what each gives for the integers, floats and tuples the
 * analysis knows. `BUILTINS` is keyed by the builtin's name, `MATH` by the name after `math.`.
 * To add one, add an entry; a name without one gives an unknown value.
 */
import { constOf, lin, type Lin } from '../linear';
import { valuesOf } from '../vectors';
import { arrayOf, attrAtom, intOf, ratioToInt, UNKNOWN, type Ratio, type Val } from '../values';
import { product, type Args, type LibFunction } from './common';

/** An integer from a float the code fixes, rounded by `round`, while it is exact. */
function floatToInt(v: number | undefined, round: (x: number) => number): Val {
  if (v === undefined || !Number.isFinite(v)) return UNKNOWN;
  const r = round(v);
  return Number.isSafeInteger(r) ? { k: 'int', e: lin(r) } : UNKNOWN;
}

/** `tuple(xs)` / `list(xs)` of a tuple, a list or an array with items: the same items, as a tuple or a list. */
function sequence(seq: 'list' | undefined): LibFunction {
  return (a) => {
    const v = a.pos[0];
    const items = (v && valuesOf(v)) ?? (v?.k === 'tuple' ? v.items : undefined);
    if (items) return seq ? { k: 'tuple', items, seq } : { k: 'tuple', items };
    return v?.k === 'symtuple' ? v : UNKNOWN;
  };
}

/** `slice(stop)` / `slice(start, stop[, step])` of integers or `None`. */
function slice(a: Args): Val {
  if (a.pos.length < 1 || a.pos.length > 3 || a.kw.size > 0) return UNKNOWN;
  const parts = a.pos.length === 1 ? [{ k: 'none' } as Val, a.pos[0]!] : a.pos;
  const lins = parts.map((v) => (v.k === 'none' ? undefined : v.k === 'int' || v.k === 'bool' ? intOf(v) : null));
  if (lins.includes(null)) return UNKNOWN;
  const [start, stop, step] = lins as (Lin | undefined)[];
  return { k: 'slice', start, stop, step };
}

/**
 * `isinstance(v, T)` where the answer does not depend on what the analysis cannot see: an
 * array is an `np.ndarray` and not a number; a number is a `numbers.Number` (and an integer a
 * `numbers.Integral`, whether Python's or NumPy's); a tuple is a `tuple`, a list a `list`,
 * neither a number. Whether an integer is Python's `int` (NumPy's `int64` is not) stays unknown.
 */
function isInstance(v: Val | undefined, t: Val | undefined): Val {
  if (!v || !t) return UNKNOWN;
  if (t.k === 'tuple') {
    const rs = t.items.map((x) => { const r = isInstance(v, x); return r.k === 'bool' ? r.v : undefined; });
    return rs.includes(true) ? { k: 'bool', v: true } : rs.every((r) => r === false) ? { k: 'bool', v: false } : UNKNOWN;
  }
  // `tuple` and `list` as the builtins (names nothing rebound).
  const path = t.k === 'ref' ? t.path : t.k === 'sym' && (t.name === 'tuple' || t.name === 'list') ? t.name : undefined;
  const kind = v.k === 'array' && v.a.lib === 'numpy' ? 'ndarray' : v.k === 'int' ? 'integer' : v.k === 'float' ? 'float' : v.k === 'tuple' ? v.seq ?? 'tuple' : undefined;
  if (!kind || !path) return UNKNOWN;
  const r = path === 'tuple' || path === 'list' ? kind === path
    : path === 'numpy.ndarray' ? kind === 'ndarray'
      : path === 'numbers.Number' ? kind === 'integer' || kind === 'float'
        : path === 'numbers.Integral' ? kind === 'integer'
          : undefined;
  return r === undefined ? UNKNOWN : { k: 'bool', v: r };
}

/** Builtins that never write into the arrays and lists they are given. */
export const KEEP_ARGUMENTS = new Set([
  'int', 'float', 'bool', 'len', 'tuple', 'list', 'range', 'enumerate', 'zip', 'slice', 'isinstance', 'max', 'min', 'round',
  'abs', 'sum', 'sorted', 'str', 'repr', 'print', 'any', 'all', 'hasattr', 'type', 'id', 'format', 'hash', 'dict', 'set', 'open',
]);

/** `max(…)` / `min(…)` of integers the code fixes. */
function extreme(pick: (...xs: number[]) => number): LibFunction {
  return (a) => {
    const xs = a.pos.map(intOf).map((e) => e && constOf(e));
    if (xs.length > 0 && xs.every((x) => x !== undefined)) return { k: 'int', e: lin(pick(...(xs as number[]))) };
    return UNKNOWN;
  };
}

/** `math.ceil` / `math.floor` / `math.trunc`: an integer stays, a float the code fixes is rounded. */
function rounded(how: 'floor' | 'ceil' | 'trunc'): LibFunction {
  return (a) => {
    const v = a.pos[0];
    if (v?.k === 'int') return v;
    if (v?.k === 'float' && v.ratio) return ratioInt(v.ratio, how);
    return v?.k === 'float' ? floatToInt(v.v, Math[how]) : UNKNOWN;
  };
}

/** An integer from a ratio of integers: its floor or ceiling (`ratioToInt`); truncation only of one NumPy already rounded. */
function ratioInt(r: Ratio, how: 'floor' | 'ceil' | 'trunc'): Val {
  const round = how === 'trunc' ? r.round : r.round ?? how;
  const e = round && ratioToInt(r, round);
  return e ? { k: 'int', e } : UNKNOWN;
}

/** Python's `round(x)` of a float: to the nearest integer, halves to the even one. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

export const BUILTINS: Readonly<Record<string, LibFunction>> = {
  // `round(x)` is an int; `round(x, n)` stays a float (its value is not modelled).
  round: (a) => {
    const v = a.pos[0];
    if (!v || a.pos.length > 1 || a.kw.size > 0) return v?.k === 'float' ? { k: 'float' } : UNKNOWN;
    return v.k === 'int' ? v : v.k === 'float' ? floatToInt(v.v, roundHalfEven) : UNKNOWN;
  },
  int: (a) => {
    const v = a.pos[0];
    if (!v) return UNKNOWN;
    if (v.k === 'float' && v.ratio) return ratioInt(v.ratio, 'trunc');
    return v.k === 'int' ? v : v.k === 'float' ? floatToInt(v.v, Math.trunc) : v.k === 'bool' ? { k: 'int', e: lin(v.v ? 1 : 0) } : UNKNOWN;
  },
  len: (a) => {
    const v = a.pos[0];
    if (!v) return UNKNOWN;
    if (v.k === 'tuple') return v.seq === 'generator' ? UNKNOWN : { k: 'int', e: lin(v.items.length) };
    const arr = arrayOf(v);
    return arr?.shape?.[0] ? { k: 'int', e: arr.shape[0] } : arr ? { k: 'int', e: attrAtom(arr.label, 'shape', 0) } : UNKNOWN;
  },
  tuple: sequence(undefined),
  list: sequence('list'),
  slice,
  isinstance: (a) => isInstance(a.pos[0], a.pos[1]),
  max: extreme(Math.max),
  min: extreme(Math.min),
};

export const MATH: Readonly<Record<string, LibFunction>> = {
  ceil: rounded('ceil'),
  floor: rounded('floor'),
  trunc: rounded('trunc'),
  prod: (a) => product(a.pos[0]),
};
