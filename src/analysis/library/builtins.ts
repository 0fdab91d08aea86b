/**
 * Python's builtins and `math` functions the code uses for sizes (`int`, `len`, `max`,
 * `math.ceil`, `math.prod`, …): what each gives for the integers, floats and tuples the
 * analysis knows. `BUILTINS` is keyed by the builtin's name, `MATH` by the name after `math.`.
 * To add one, add an entry; a name without one gives an unknown value.
 */
import { constOf, lin } from '../linear';
import { arrayOf, attrAtom, intOf, UNKNOWN, type Val } from '../values';
import { product, type Args, type LibFunction } from './common';

/** An integer from a float the code fixes, rounded by `round`, while it is exact. */
function floatToInt(v: number | undefined, round: (x: number) => number): Val {
  if (v === undefined || !Number.isFinite(v)) return UNKNOWN;
  const r = round(v);
  return Number.isSafeInteger(r) ? { k: 'int', e: lin(r) } : UNKNOWN;
}

/** `tuple(xs)` / `list(xs)` of a tuple: the same items. */
function sameSequence(a: Args): Val {
  const v = a.pos[0];
  return v && (v.k === 'tuple' || v.k === 'symtuple') ? v : UNKNOWN;
}

/** `max(…)` / `min(…)` of integers the code fixes. */
function extreme(pick: (...xs: number[]) => number): LibFunction {
  return (a) => {
    const xs = a.pos.map(intOf).map((e) => e && constOf(e));
    if (xs.length > 0 && xs.every((x) => x !== undefined)) return { k: 'int', e: lin(pick(...(xs as number[]))) };
    return UNKNOWN;
  };
}

/** `math.ceil` / `math.floor` / `math.trunc`: an integer stays, a float the code fixes is rounded. */
function rounded(round: (x: number) => number): LibFunction {
  return (a) => {
    const v = a.pos[0];
    if (v?.k === 'int') return v;
    return v?.k === 'float' ? floatToInt(v.v, round) : UNKNOWN;
  };
}

export const BUILTINS: Readonly<Record<string, LibFunction>> = {
  int: (a) => {
    const v = a.pos[0];
    if (!v) return UNKNOWN;
    return v.k === 'int' ? v : v.k === 'float' ? floatToInt(v.v, Math.trunc) : v.k === 'bool' ? { k: 'int', e: lin(v.v ? 1 : 0) } : UNKNOWN;
  },
  len: (a) => {
    const v = a.pos[0];
    if (!v) return UNKNOWN;
    if (v.k === 'tuple') return { k: 'int', e: lin(v.items.length) };
    const arr = arrayOf(v);
    return arr?.shape?.[0] ? { k: 'int', e: arr.shape[0] } : arr ? { k: 'int', e: attrAtom(arr.label, 'shape', 0) } : UNKNOWN;
  },
  tuple: sameSequence,
  list: sameSequence,
  max: extreme(Math.max),
  min: extreme(Math.min),
};

export const MATH: Readonly<Record<string, LibFunction>> = {
  ceil: rounded(Math.ceil),
  floor: rounded(Math.floor),
  trunc: rounded(Math.trunc),
  prod: (a) => product(a.pos[0]),
};
