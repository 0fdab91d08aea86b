// The symbolic domain's lower bounds (src/analysis/linear.ts) hold for every value: random
// expressions in the shapes frame and window code writes (`(n - w) // hop + 1`, products by
// a hop, quotients by constants), evaluated with Python's integer rules at random
// non-negative values, are never below the bound `linLowerBound` gives when the values meet
// what it says it assumed (`hop ≥ 1`).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  linAdd, linFloorDiv, linLowerBound, linMul, linScale, linSub, linText, linVar, lin, type Assumed, type Atom, type Lin,
} from '../../../src/analysis/linear';

const NAMES = ['n', 'w', 'hop'] as const;
type Env = Record<string, bigint>;

class DivisionByZero extends Error {}

function floorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new DivisionByZero();
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? a / b - 1n : a / b;
}

function evalLin(e: Lin, env: Env): bigint {
  let v = e.c;
  for (const t of Object.values(e.terms)) v += BigInt(t.coef) * evalAtom(t.atom, env);
  return v;
}

function evalAtom(a: Atom, env: Env): bigint {
  if (a.kind === 'var') return env[a.name]!;
  if (a.kind === 'floordiv') return floorDiv(evalLin(a.num, env), BigInt(a.den));
  if (a.kind === 'quot') return floorDiv(evalLin(a.num, env), evalLin(a.den, env));
  return a.factors.reduce((p, f) => p * evalLin(f, env), 1n);
}

/**
 * An expression tree the code could compute: names, small constants, + − ×k, ×, //, and
 * `(a // b) * b` (where a frame count meets its hop) often enough to test its bounds.
 */
type Tree = { op: 'name'; name: string } | { op: 'const'; k: number } | { op: '+' | '-' | '*' | '//' | 'frames'; a: Tree; b: Tree } | { op: 'scale'; a: Tree; k: number };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map((name): Tree => ({ op: 'name', name })),
    fc.integer({ min: -3, max: 3 }).map((k): Tree => ({ op: 'const', k })),
    fc.record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const, '//' as const, 'frames' as const), a: tie('t'), b: tie('t') }),
    fc.record({ op: fc.constant('scale' as const), a: tie('t'), k: fc.integer({ min: -3, max: 3 }) }),
  ),
})).t;

function build(t: Tree): Lin | undefined {
  switch (t.op) {
    case 'name': return linVar(t.name);
    case 'const': return lin(t.k);
    case 'scale': { const a = build(t.a); return a && linScale(a, t.k); }
    default: {
      const a = build(t.a); const b = build(t.b);
      if (!a || !b) return undefined;
      if (t.op === 'frames') { const q = linFloorDiv(a, b); return q && linMul(q, b); }
      return t.op === '+' ? linAdd(a, b) : t.op === '-' ? linSub(a, b) : t.op === '*' ? linMul(a, b) : linFloorDiv(a, b);
    }
  }
}

/** Python's value of the tree (the reference the Lin must agree with). */
function evalTree(t: Tree, env: Env): bigint {
  switch (t.op) {
    case 'name': return env[t.name]!;
    case 'const': return BigInt(t.k);
    case 'scale': return BigInt(t.k) * evalTree(t.a, env);
    case '+': return evalTree(t.a, env) + evalTree(t.b, env);
    case '-': return evalTree(t.a, env) - evalTree(t.b, env);
    case '*': return evalTree(t.a, env) * evalTree(t.b, env);
    case '//': return floorDiv(evalTree(t.a, env), evalTree(t.b, env));
    case 'frames': { const b = evalTree(t.b, env); return floorDiv(evalTree(t.a, env), b) * b; }
  }
}

/** The value of an assumption's text (`hop`, `n - w`): built from the same names. */
function evalText(text: string, env: Env): bigint | undefined {
  const m = /^([a-z]+)(?: ([-+]) ([a-z]+|\d+))?$/.exec(text);
  if (!m) return undefined;
  const v = (s: string) => (/^\d+$/.test(s) ? BigInt(s) : env[s]);
  const a = v(m[1]!); const b = m[3] ? v(m[3]) : 0n;
  if (a === undefined || b === undefined) return undefined;
  return m[2] === '-' ? a - b : a + b;
}

const env = fc.record({ n: fc.integer({ min: 0, max: 40 }), w: fc.integer({ min: 0, max: 12 }), hop: fc.integer({ min: 0, max: 6 }) })
  .map((r): Env => ({ n: BigInt(r.n), w: BigInt(r.w), hop: BigInt(r.hop) }));

describe('linLowerBound', () => {
  test('the value of any expression is at least its bound wherever what was assumed holds', () => {
    let bounded = 0;
    fc.assert(fc.property(tree, fc.array(env, { minLength: 8, maxLength: 8 }), (t, envs) => {
      const e = build(t);
      if (!e) return;
      const assumed: Assumed = new Map();
      const lb = linLowerBound(e, assumed);
      for (const at of envs) {
        let value: bigint;
        try { value = evalTree(t, at); } catch (x) { if (x instanceof DivisionByZero) continue; throw x; }
        // The domain computes Python's value exactly.
        expect(evalLin(e, at), `${linText(e)} at ${JSON.stringify(at, (_, v) => (typeof v === 'bigint' ? Number(v) : v))}`).toBe(value);
        if (lb === undefined) continue;
        const holds = [...assumed].every(([name, least]) => { const v = evalText(name, at); return v !== undefined && v >= BigInt(least); });
        if (!holds) continue;
        bounded++;
        expect(value >= BigInt(lb), `${linText(e)} ≥ ${lb} (assumed ${[...assumed].map(([k, v]) => `${k} ≥ ${v}`).join(', ')})`).toBe(true);
      }
    }), { numRuns: 3000, seed: 9 });
    expect(bounded).toBeGreaterThan(1000);
  });

  test('frame counts: the last frame ends inside the signal for every hop ≥ 1, and one more frame never does', () => {
    const n = linVar('x.shape[0]'); const w = linVar('w'); const hop = linVar('hop');
    const q = linFloorDiv(linSub(n, w)!, hop)!;
    // slack = n − 1 − ((q + 1 − 1)·hop + w − 1) = n − w − q·hop ≥ 0
    const slack = linSub(linSub(n, w)!, linMul(q, hop)!)!;
    const took: Assumed = new Map();
    expect(linLowerBound(slack, took)).toBe(0);
    expect([...took]).toEqual([['hop', 1]]);
    // With q + 2 frames: −slack = (q + 1)·hop + w − n ≥ 1 for every hop ≥ 1.
    const over = linSub(linAdd(linMul(linAdd(q, lin(1))!, hop)!, w)!, n)!;
    expect(linLowerBound(over)).toBe(1);
  });

  test('a leading minus on a quotient keeps its parentheses', () => {
    const q = linFloorDiv(linVar('n'), linVar('hop'))!;
    expect(linText(linScale(q, -1)!)).toBe('-(n // hop)');
    expect(linText(linScale(linFloorDiv(linVar('n'), lin(2))!, -1)!)).toBe('-(n // 2)');
  });
});
