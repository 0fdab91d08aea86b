// What a definition's requirements (`needs hop_length ≥ 1`, `needs x.shape[0] ≥ (n - 1) * hop + w`)
// come to for the values a call was executed with: shared by the corpus and the random programs.

/** What the recorder saw at an executed call: the source's shape and the frame's integers. */
export interface Executed {
  readonly sourceShape?: readonly number[];
  readonly scalars?: Record<string, number | string>;
}

/**
 * A requirement's side as Python would compute it (`+ - * //`, parentheses, names), with
 * `src.shape[k]` from the executed source's shape and other names from the frame's
 * integers; `undefined` when it names anything else.
 */
function evalRequirement(text: string, src: string | null, shape: readonly number[] | undefined, scalars: Record<string, number | string>): bigint | undefined {
  const tokens = text.match(/\d+|\/\/|[-+*()]|[A-Za-z_][\w.]*(?:\[-?\d+\])?|\S/g) ?? [];
  let i = 0;
  const name = (t: string): bigint | undefined => {
    const m = /^(.*)\.shape\[(-?\d+)\]$/.exec(t);
    if (m && m[1] === src && shape) {
      const k = Number(m[2]);
      const n = shape[k < 0 ? k + shape.length : k];
      return n === undefined ? undefined : BigInt(n);
    }
    return t in scalars ? BigInt(scalars[t]!) : undefined;
  };
  const floorDiv = (a: bigint, b: bigint) => (a % b !== 0n && (a < 0n) !== (b < 0n) ? a / b - 1n : a / b);
  const atom = (): bigint | undefined => {
    const t = tokens[i++];
    if (t === undefined) return undefined;
    if (t === '-') { const v = atom(); return v === undefined ? undefined : -v; }
    if (t === '(') { const v = expr(); return tokens[i++] === ')' ? v : undefined; }
    return /^\d+$/.test(t) ? BigInt(t) : name(t);
  };
  const term = (): bigint | undefined => {
    let v = atom();
    while (v !== undefined && (tokens[i] === '*' || tokens[i] === '//')) {
      const op = tokens[i++];
      const w = atom();
      v = w === undefined || (op === '//' && w === 0n) ? undefined : op === '*' ? v * w : floorDiv(v, w);
    }
    return v;
  };
  const expr = (): bigint | undefined => {
    let v = term();
    while (v !== undefined && (tokens[i] === '+' || tokens[i] === '-')) {
      const op = tokens[i++];
      const w = term();
      v = w === undefined ? undefined : op === '+' ? v + w : v - w;
    }
    return v;
  };
  const v = expr();
  return i === tokens.length ? v : undefined;
}

/** Whether every requirement holds for the executed values; `undefined` when one cannot be evaluated. */
export function requirementsHold(requires: readonly string[], src: string | null, r: Executed): boolean | undefined {
  let all = true;
  for (const req of requires) {
    const m = /^(.*) ≥ (.*)$/.exec(req);
    if (!m) return undefined;
    const tuple = /^\((.*?),?\)$/.exec(m[2]!);
    const pairs: [string, string][] = tuple && m[1] === `${src}.shape`
      ? tuple[1]!.split(/, (?![^(]*\))/).map((e, k) => [`${src}.shape[${k}]`, e])
      : [[m[1]!, m[2]!]];
    for (const [lhs, rhs] of pairs) {
      const a = evalRequirement(lhs, src, r.sourceShape, r.scalars ?? {});
      const b = evalRequirement(rhs, src, r.sourceShape, r.scalars ?? {});
      if (a === undefined || b === undefined) return undefined;
      all &&= a >= b;
    }
  }
  return all;
}
