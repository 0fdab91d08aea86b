/** Parsing of the small texts users type: integer tuples like `(26, 26, 3, 3)` or `112,4`. */
import type { Result } from './report';

/**
 * An integer tuple written as `26,26,3,3`, `(26, 26, 3, 3)`, `[26 26]`, `(28,)` or `()`.
 * `what` names the field in the error message ("strides: `x` at position 3 is not an integer").
 */
export function parseIntTuple(text: string, what: string): Result<number[]> {
  const body = text.trim().replace(/^[([]\s*/, '').replace(/\s*[)\]]$/, '').trim();
  if (body === '') return { ok: true, value: [] };
  const parts = body.includes(',') ? body.split(',').map((p) => p.trim()) : body.split(/\s+/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // `(28,)`
  const out: number[] = [];
  for (const [i, p] of parts.entries()) {
    if (!/^[+-]?\d+$/.test(p)) return { ok: false, error: `${what}: '${p}' at position ${i + 1} is not an integer` };
    const n = Number(p);
    if (!Number.isSafeInteger(n)) return { ok: false, error: `${what}: ${p} at position ${i + 1} is too large (limit ±${Number.MAX_SAFE_INTEGER})` };
    out.push(n);
  }
  return { ok: true, value: out };
}

/** A single integer, e.g. an offset; `what` names the field in the error. */
export function parseInteger(text: string, what: string): Result<number> {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) return { ok: false, error: `${what}: '${t}' is not an integer` };
  const n = Number(t);
  if (!Number.isSafeInteger(n)) return { ok: false, error: `${what}: ${t} is too large (limit ±${Number.MAX_SAFE_INTEGER})` };
  return { ok: true, value: n };
}

/** A tuple in Python syntax: `(28,)` for one element, `(26, 26)` otherwise. */
export function formatTuple(values: readonly (number | bigint | string)[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
}
