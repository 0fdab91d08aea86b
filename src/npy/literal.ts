/**
 * A safe parser for the Python literals found in `.npy` headers (what `ast.literal_eval`
 * accepts, minus sets and complex numbers): dicts, tuples, lists, strings, ints, floats,
 * `True`, `False`, `None`. Nothing is evaluated; nesting depth and input length are bounded,
 * so any input gives a value or an error message in time linear in its length.
 */
import { printable } from '../engine/format';
import type { Result } from '../engine/report';

export interface PyTuple { readonly kind: 'tuple'; readonly items: readonly PyValue[] }
export interface PyList { readonly kind: 'list'; readonly items: readonly PyValue[] }
export interface PyDict { readonly kind: 'dict'; readonly entries: readonly (readonly [PyValue, PyValue])[] }
/** A parsed Python literal. Ints are bigints, floats are numbers. */
/** A `b'…'` literal (bytes are never a valid header key or dtype: NumPy refuses them). */
export interface PyBytes { readonly kind: 'bytes'; readonly value: string }
export type PyValue = null | boolean | bigint | number | string | PyBytes | PyTuple | PyList | PyDict;

/** Python's parser gives up past 200 nested brackets (s_push: too many nested parentheses). */
const MAX_DEPTH = 200;

export interface LiteralOptions {
  /** Accept Python 2's `10L` long suffix (NumPy does for format versions 1.0 and 2.0). */
  readonly allowLongSuffix?: boolean;
}

/** Parse one Python literal expression from `text`. */
export function parsePyLiteral(text: string, opts: LiteralOptions = {}): Result<PyValue> {
  const p = { s: text, i: 0, long: opts.allowLongSuffix ?? false };
  try {
    const v = value(p, 0);
    skipSpace(p);
    if (p.i !== p.s.length) fail(p, 'unexpected text after the literal');
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof LiteralError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The Python `repr` of a literal value (for error messages that quote the bad value). */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(1) : String(v);
  if (typeof v === 'string') return reprString(v);
  if (v.kind === 'bytes') return `b${reprString(v.value)}`;
  if (v.kind === 'tuple') return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
  if (v.kind === 'list') return `[${v.items.map(pyRepr).join(', ')}]`;
  return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

/** Tuples and lists as arrays, ints as numbers when safe (else bigint), dicts as entry arrays. */
export function toPlain(v: PyValue): unknown {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (v === null || typeof v !== 'object') return v;
  if (v.kind === 'bytes') return { bytes: v.value };
  if (v.kind === 'dict') return v.entries.map(([k, x]) => [toPlain(k), toPlain(x)]);
  return v.items.map(toPlain);
}

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

class LiteralError extends Error {}

interface P { readonly s: string; i: number; readonly long: boolean }

function fail(p: P, what: string): never {
  // The text around the error, without the header's padding, control characters escaped.
  const near = printable(p.s.slice(Math.max(0, p.i - 10), p.i + 10).replace(/[\s\0]+$/, ''));
  throw new LiteralError(`${what} at position ${p.i} (near '${near}')`);
}

function skipSpace(p: P): void {
  while (p.i < p.s.length) {
    const c = p.s[p.i];
    // Python's whitespace (no vertical tab: NumPy refuses a header ending in \v), line
    // continuations and comments.
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') p.i++;
    else if (c === '\\' && p.s[p.i + 1] === '\n') p.i += 2;
    else if (c === '#') { while (p.i < p.s.length && p.s[p.i] !== '\n') p.i++; }
    else break;
  }
}

function value(p: P, depth: number): PyValue {
  if (depth > MAX_DEPTH) fail(p, `nesting deeper than ${MAX_DEPTH}`);
  skipSpace(p);
  const c = p.s[p.i];
  if (c === undefined) fail(p, 'unexpected end of the literal');
  if (c === '{') return dict(p, depth);
  if (c === '(') return seq(p, depth, ')', 'tuple');
  if (c === '[') return seq(p, depth, ']', 'list');
  if (c === "'" || c === '"') return strings(p, '');
  if (c === '-' || c === '+') {
    p.i++;
    skipSpace(p);
    const n = number(p);
    if (c === '+') return n;
    return typeof n === 'bigint' ? -n : -n;
  }
  if (c >= '0' && c <= '9' || c === '.') return number(p);
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(p.s.slice(p.i, p.i + 64));
  if (word) {
    const w = word[0];
    const next = p.s[p.i + w.length];
    if ((next === "'" || next === '"') && /^[rRuUbB]{1,2}$/.test(w)) {
      p.i += w.length;
      const text = strings(p, w.toLowerCase());
      return /b/i.test(w) ? { kind: 'bytes', value: text } : text;
    }
    p.i += w.length;
    if (w === 'True') return true;
    if (w === 'False') return false;
    if (w === 'None') return null;
    p.i -= w.length;
    fail(p, `'${w}' is not a literal`);
  }
  return fail(p, `unexpected character ${JSON.stringify(c)}`);
}

function seq(p: P, depth: number, close: string, kind: 'tuple' | 'list'): PyTuple | PyList {
  p.i++;
  const items: PyValue[] = [];
  let sawComma = false;
  for (;;) {
    skipSpace(p);
    if (p.s[p.i] === close) { p.i++; break; }
    if (items.length > 0 && !sawComma) fail(p, `expected ',' or '${close}'`);
    items.push(value(p, depth + 1));
    skipSpace(p);
    sawComma = false;
    if (p.s[p.i] === ',') { p.i++; sawComma = true; } else if (p.s[p.i] !== close) fail(p, `expected ',' or '${close}'`);
  }
  // `(x)` is x itself, not a tuple.
  if (kind === 'tuple' && items.length === 1 && !sawComma) return items[0] as PyTuple;
  return { kind, items };
}

function dict(p: P, depth: number): PyDict {
  p.i++;
  const entries: [PyValue, PyValue][] = [];
  for (;;) {
    skipSpace(p);
    if (p.s[p.i] === '}') { p.i++; break; }
    const k = value(p, depth + 1);
    if (k !== null && typeof k === 'object' && k.kind !== 'tuple') fail(p, `unhashable dict key ${pyRepr(k)}`);
    skipSpace(p);
    if (p.s[p.i] !== ':') fail(p, "expected ':'");
    p.i++;
    const v = value(p, depth + 1);
    const same = entries.findIndex(([k2]) => pyRepr(k2) === pyRepr(k));
    if (same >= 0) entries.splice(same, 1);
    entries.push([k, v]);
    skipSpace(p);
    if (p.s[p.i] === ',') p.i++;
    else if (p.s[p.i] !== '}') fail(p, "expected ',' or '}'");
  }
  return { kind: 'dict', entries };
}

const DIGITS = '\\d(?:_?\\d)*';
const PY_NUMBER = new RegExp([
  '^0[xX](?:_?[0-9a-fA-F])+$', '^0[oO](?:_?[0-7])+$', '^0[bB](?:_?[01])+$',
  `^(?:${DIGITS})?\\.${DIGITS}(?:[eE][+-]?${DIGITS})?$`, `^${DIGITS}\\.?(?:[eE][+-]?${DIGITS})?$`,
].join('|'));

function number(p: P): bigint | number {
  const m = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?\.?\d*(?:[eE][+-]?\d+)?)/.exec(p.s.slice(p.i, p.i + 400));
  const text = m ? m[0] : '';
  if (text === '' || text === '.') fail(p, 'malformed number');
  p.i += text.length;
  // Python's grammar: one underscore at a time, only between digits (or after a base prefix).
  if (!PY_NUMBER.test(text)) fail(p, `malformed number '${text}'`);
  const clean = text.replace(/_/g, '');
  if (/^0[xXoObB]/.test(clean)) return BigInt(clean);
  if (/^\d+$/.test(clean)) {
    if (clean.length > 1 && clean[0] === '0' && /[1-9]/.test(clean)) fail(p, `leading zeros in the integer '${text}'`);
    // Python 2's long suffix: NumPy filters an upper-case `L` token only (format._filter_header).
    if (p.long && p.s[p.i] === 'L') p.i++;
    return BigInt(clean);
  }
  const f = Number(clean);
  if (Number.isNaN(f)) fail(p, `malformed number '${text}'`);
  return f;
}

/** One string literal and any adjacent ones (Python joins `'a' 'b'` into `'ab'`). */
function strings(p: P, prefix: string): string {
  let out = str(p, prefix);
  for (;;) {
    const save = p.i;
    skipSpace(p);
    const c = p.s[p.i];
    if (c === "'" || c === '"') { out += str(p, ''); continue; }
    const w = /^[rRuUbB]{1,2}(?=['"])/.exec(p.s.slice(p.i, p.i + 3));
    if (w) { p.i += w[0].length; out += str(p, w[0].toLowerCase()); continue; }
    p.i = save;
    return out;
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function str(p: P, prefix: string): string {
  const q = p.s[p.i]!;
  const triple = p.s.startsWith(q.repeat(3), p.i);
  const end = triple ? q.repeat(3) : q;
  p.i += end.length;
  const raw = prefix.includes('r');
  let out = '';
  for (;;) {
    if (p.i >= p.s.length) fail(p, 'unterminated string');
    if (p.s.startsWith(end, p.i)) { p.i += end.length; return out; }
    const c = p.s[p.i]!;
    if (!triple && c === '\n') fail(p, 'newline inside a string');
    if (c === '\\' && !raw) {
      const e = p.s[p.i + 1];
      if (e === undefined) fail(p, 'unterminated string');
      const octal = /^[0-7]{1,3}/.exec(p.s.slice(p.i + 1, p.i + 4));
      if (octal) { out += String.fromCodePoint(parseInt(octal[0], 8)); p.i += 1 + octal[0].length; continue; }
      if (e in ESCAPES) { out += ESCAPES[e]; p.i += 2; continue; }
      if (e === 'N' && !prefix.includes('b')) fail(p, 'a \\N{…} escape (a character by its Unicode name) is not supported: write the character itself or \\u');
      const hex = e === 'x' ? 2 : e === 'u' && !prefix.includes('b') ? 4 : e === 'U' && !prefix.includes('b') ? 8 : 0;
      if (hex) {
        const h = p.s.slice(p.i + 2, p.i + 2 + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(h)) fail(p, `bad \\${e} escape`);
        const cp = parseInt(h, 16);
        if (cp > 0x10ffff) fail(p, `bad \\${e} escape`);
        out += String.fromCodePoint(cp);
        p.i += 2 + hex;
        continue;
      }
      out += c;
      p.i++;
      continue;
    }
    if (raw && c === '\\' && p.i + 1 < p.s.length) { out += c + p.s[p.i + 1]; p.i += 2; continue; }
    out += c;
    p.i++;
  }
}
