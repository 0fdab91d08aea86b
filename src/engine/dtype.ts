/**
 * NumPy data types as plain data: kind, itemsize, byte order, name, and for structured types
 * their fields (name, offset, type) and sub-arrays.
 *
 * Accepted input, as `numpy.dtype(...)` accepts it (NumPy 1.24 on a little-endian 64-bit
 * machine, which is where every JavaScript engine we run on lives):
 * - names: `bool`, `int8`…`int64`, `uint8`…`uint64`, `float16`/`32`/`64`/`128`, `complex64`/
 *   `128`/`256`, C names (`double`, `intc`, `longlong`…), `datetime64[ns]`, `timedelta64[s]`,
 *   `str`, `bytes`, `void`, `object`;
 * - type strings with an optional byte order `<` `>` `=` `|`: `f4`, `<i8`, `>u2`, `|b1`, `S10`,
 *   `U5` (4 bytes per character), `V16`, `M8[ns]`, `m8[10ms]`, one-letter codes (`d`, `e`, `?`);
 * - comma lists (`'i4,f8'` → fields `f0`, `f1`) and a sub-array prefix (`'(2,3)f4'`);
 * - a structured `descr` as it appears in a `.npy` header, already turned into plain values:
 *   a list of `[name, type]` or `[name, type, shape]` entries, where `name` may be
 *   `[title, name]`, `type` a type string or a nested list, `shape` an int or a list of ints.
 *   Unnamed void entries are padding (NumPy's `descr_to_dtype`): they take space, not a field.
 *
 * The byte order is stored resolved, as NumPy prints it in `dtype.str`: `<`, `>` or `|` (not
 * applicable). `=` (native) means `<`.
 */
import type { Result } from './report';

/** NumPy's `dtype.kind` letters. */
export type DtypeKind = 'b' | 'i' | 'u' | 'f' | 'c' | 'S' | 'U' | 'V' | 'M' | 'm' | 'O';

export interface DtypeField {
  readonly name: string;
  /** NumPy's optional field title (`(title, name)` in a descr). */
  readonly title?: string;
  readonly dtype: Dtype;
  /** Byte offset of the field inside one item. */
  readonly offset: number;
}

export interface Dtype {
  readonly kind: DtypeKind;
  /** Bytes per item. */
  readonly itemsize: number;
  /** `<` little, `>` big, `|` byte order not applicable (one byte, bytes, void, object). */
  readonly byteOrder: '<' | '>' | '|';
  /** NumPy's `dtype.name`, e.g. `float32`, `bytes80`, `str160`, `datetime64[ns]`, `void96`. */
  readonly name: string;
  /** NumPy's `dtype.str`, e.g. `<f4`, `|S10`, `<M8[ns]`, `|V12`. */
  readonly str: string;
  /** Datetime/timedelta unit with its multiplier (`ns`, `10ms`); `''` for the generic unit. */
  readonly unit?: string;
  /** Fields of a structured type, in order. */
  readonly fields?: readonly DtypeField[];
  /** A sub-array type: `shape` items of `base`. */
  readonly subarray?: { readonly base: Dtype; readonly shape: readonly number[] };
  /** True for object arrays (and types containing objects): their data is pickled Python objects. */
  readonly needsPickle?: boolean;
}

/** A structured `descr` as plain values: `[name, type]` or `[name, type, shape]` entries. */
export type DescrList = readonly (readonly unknown[])[];

const DATETIME_UNITS = new Set(['Y', 'M', 'W', 'D', 'h', 'm', 's', 'ms', 'us', 'ns', 'ps', 'fs', 'as']);

/** Canonical (kind, itemsize) of each NumPy name and one-letter code on a 64-bit Linux build. */
const NAMED: Record<string, readonly [DtypeKind, number]> = {
  bool: ['b', 1], bool_: ['b', 1], bool8: ['b', 1], '?': ['b', 1],
  int8: ['i', 1], byte: ['i', 1], b: ['i', 1],
  uint8: ['u', 1], ubyte: ['u', 1], B: ['u', 1],
  int16: ['i', 2], short: ['i', 2], h: ['i', 2],
  uint16: ['u', 2], ushort: ['u', 2], H: ['u', 2],
  int32: ['i', 4], intc: ['i', 4], i: ['i', 4],
  uint32: ['u', 4], uintc: ['u', 4], I: ['u', 4],
  int64: ['i', 8], int: ['i', 8], int_: ['i', 8], int0: ['i', 8], intp: ['i', 8], long: ['i', 8],
  longlong: ['i', 8], l: ['i', 8], q: ['i', 8], p: ['i', 8],
  uint64: ['u', 8], uint: ['u', 8], uint0: ['u', 8], uintp: ['u', 8], ulong: ['u', 8],
  ulonglong: ['u', 8], L: ['u', 8], Q: ['u', 8], P: ['u', 8],
  float16: ['f', 2], half: ['f', 2], e: ['f', 2],
  float32: ['f', 4], single: ['f', 4], f: ['f', 4],
  float64: ['f', 8], float: ['f', 8], double: ['f', 8], float_: ['f', 8], d: ['f', 8],
  float128: ['f', 16], longdouble: ['f', 16], longfloat: ['f', 16], g: ['f', 16],
  complex64: ['c', 8], csingle: ['c', 8], singlecomplex: ['c', 8], F: ['c', 8],
  complex128: ['c', 16], complex: ['c', 16], cdouble: ['c', 16], cfloat: ['c', 16], complex_: ['c', 16], D: ['c', 16],
  complex256: ['c', 32], clongdouble: ['c', 32], clongfloat: ['c', 32], longcomplex: ['c', 32], G: ['c', 32],
  object: ['O', 8], object0: ['O', 8], object_: ['O', 8], O: ['O', 8],
  str: ['U', 0], str_: ['U', 0], str0: ['U', 0], unicode: ['U', 0], unicode_: ['U', 0], U: ['U', 0],
  bytes: ['S', 0], bytes_: ['S', 0], bytes0: ['S', 0], string_: ['S', 0], S: ['S', 0], a: ['S', 0],
  void: ['V', 0], void0: ['V', 0], V: ['V', 0],
  datetime64: ['M', 8], M: ['M', 8], timedelta64: ['m', 8], m: ['m', 8],
};

/** Itemsizes each kind letter accepts after it (`f4`, `c16`…); `null` = any count (S, U, V). */
const SIZED: Record<string, readonly number[] | null> = {
  b: [1], i: [1, 2, 4, 8], u: [1, 2, 4, 8], f: [2, 4, 8, 16], c: [8, 16, 32],
  M: [8], m: [8], O: [4, 8], S: null, a: null, U: null, V: null,
};

const KIND_NAMES: Partial<Record<DtypeKind, string>> = { b: 'bool', i: 'int', u: 'uint', f: 'float', c: 'complex' };

/** Parse a NumPy dtype spec (a type string or name, or a structured descr list). */
export function parseDtype(spec: string | DescrList): Result<Dtype> {
  try {
    return { ok: true, value: typeof spec === 'string' ? parseString(spec) : parseDescrList(spec) };
  } catch (e) {
    if (e instanceof DtypeError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The type string NumPy prints as `dtype.str` (`<f4`, `|S10`, `|V12` for structured types). */
export function dtypeToString(d: Dtype): string {
  return d.str;
}

/** The descr NumPy writes in a `.npy` header (`format.dtype_to_descr`): a string, or a list with padding entries. */
export function dtypeDescr(d: Dtype): string | unknown[][] {
  if (!d.fields) return d.str;
  const out: unknown[][] = [];
  let at = 0;
  const byOffset = [...d.fields].sort((a, b) => a.offset - b.offset);
  for (const f of byOffset) {
    if (f.offset > at) out.push(['', `|V${f.offset - at}`]);
    const name = f.title === undefined ? f.name : [f.title, f.name];
    if (f.dtype.subarray) out.push([name, dtypeDescr(f.dtype.subarray.base), [...f.dtype.subarray.shape]]);
    else out.push([name, dtypeDescr(f.dtype)]);
    at = Math.max(at, f.offset + f.dtype.itemsize);
  }
  if (d.itemsize > at) out.push(['', `|V${d.itemsize - at}`]);
  return out;
}

/** `dtypeDescr` as the Python literal NumPy prints (`[('x', '<f4'), ('y', '<i8', (2,))]`). */
export function descrToPython(descr: string | unknown[][]): string {
  const lit = (v: unknown): string => {
    if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return v.length === 1 ? `(${lit(v[0])},)` : `(${v.map(lit).join(', ')})`;
    return String(v);
  };
  if (typeof descr === 'string') return lit(descr);
  return `[${descr.map((e) => `(${e.map((x, k) => (k === 1 && Array.isArray(x) ? descrToPython(x as unknown[][]) : lit(x))).join(', ')})`).join(', ')}]`;
}


/** A descr (or part of one) for a message: JSON-like, integers of any size printed as digits. */
function specText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `\u0000${x}\u0000` : x)).replace(/"\\u0000(-?\d+)\\u0000"/g, '$1');
}

class DtypeError extends Error {}

function notUnderstood(spec: unknown): never {
  throw new DtypeError(`data type ${typeof spec === 'string' ? `'${spec}'` : specText(spec)} not understood`);
}

function parseString(spec: string): Dtype {
  const parts = splitTopLevel(spec);
  if (parts.length > 1) {
    if (parts[parts.length - 1] === '') parts.pop(); // NumPy accepts one trailing comma
    if (parts.some((p) => p === '')) notUnderstood(spec);
    if (parts.length === 1) return parseOne(parts[0]!, spec);
    return makeStruct(parts.map((p, k) => ({ name: `f${k}`, dtype: parseOne(p.replace(/^ +/, ''), spec) })), spec);
  }
  return parseOne(spec, spec);
}

/** Split on commas outside parentheses. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) { out.push(s.slice(start, k)); start = k + 1; }
  }
  out.push(s.slice(start));
  return out;
}

function parseOne(s: string, whole: string): Dtype {
  const sub = /^\((\d+(?:, *\d+)*,?|)\)(.+)$/.exec(s);
  if (sub) {
    const inner = sub[1]!;
    if (inner !== '' && !inner.includes(',')) notUnderstood(whole);
    // One sub-array prefix only: NumPy refuses '(2,)(3,)f4'.
    if (sub[2]!.startsWith('(')) notUnderstood(whole);
    const shape = inner.split(',').map((x) => x.trim()).filter((x) => x !== '').map(Number);
    return makeSubarray(parseOne(sub[2]!, whole), shape, whole);
  }
  if (s in NAMED && !/^[<>=|]/.test(s)) {
    const [kind, size] = NAMED[s]!;
    return makeScalar(kind, size, '=', '');
  }
  const m = /^([<>=|]?)(datetime64|timedelta64|[a-zA-Z?])(\d*)(\[.*)?$/.exec(s);
  if (!m) notUnderstood(whole);
  const order = m[1] as '<' | '>' | '=' | '|' | '';
  const letter = m[2]!;
  const digits = m[3]!;
  const meta = m[4];
  let kind: DtypeKind;
  let size: number;
  if (letter === 'datetime64' || letter === 'timedelta64') {
    if (digits !== '') notUnderstood(whole);
    kind = letter === 'datetime64' ? 'M' : 'm';
    size = 8;
  } else if (digits !== '') {
    const allowed = SIZED[letter];
    if (allowed === undefined) notUnderstood(whole);
    const n = Number(digits);
    if (!Number.isSafeInteger(n) || (allowed !== null && !allowed.includes(n))) notUnderstood(whole);
    kind = letter === 'a' ? 'S' : (letter as DtypeKind);
    size = kind === 'U' ? n * 4 : kind === 'O' ? 8 : n;
    if (kind === 'b' && letter !== 'b') notUnderstood(whole);
  } else {
    const named = NAMED[letter];
    if (!named) notUnderstood(whole);
    // With a byte order prefix only the one-letter codes are accepted.
    [kind, size] = named;
  }
  if (meta !== undefined && kind !== 'M' && kind !== 'm') notUnderstood(whole);
  let unit = '';
  if (meta !== undefined) unit = parseUnit(meta);
  if (!Number.isSafeInteger(size) || size > 0x7fffffff) notUnderstood(whole);
  return makeScalar(kind, size, order === '' ? '=' : order, unit);
}

function parseUnit(meta: string): string {
  const m = /^\[(\d*)([A-Za-zμ]+)\]$/.exec(meta);
  if (!m) {
    if (/^\[\d*\]$/.test(meta) || meta === '[]') throw new DtypeError(`Invalid datetime metadata string "${meta}"`);
    throw new DtypeError(`Invalid datetime metadata string "${meta}"`);
  }
  const unit = m[2] === 'μs' ? 'us' : m[2]!;
  if (!DATETIME_UNITS.has(unit)) throw new DtypeError(`Invalid datetime unit in metadata string "${meta}"`);
  return `${m[1]}${unit}`;
}

function makeScalar(kind: DtypeKind, itemsize: number, order: '<' | '>' | '=' | '|', unit: string): Dtype {
  const multiByte = kind === 'i' || kind === 'u' || kind === 'f' || kind === 'c' || kind === 'U' || kind === 'M' || kind === 'm';
  const byteOrder: Dtype['byteOrder'] = !multiByte || (itemsize <= 1 && kind !== 'U') ? '|' : order === '>' ? '>' : '<';
  let letterSize: string;
  let name: string;
  switch (kind) {
    case 'b': letterSize = 'b1'; name = 'bool'; break;
    case 'O': letterSize = 'O'; name = 'object'; break;
    case 'S': letterSize = `S${itemsize}`; name = itemsize ? `bytes${itemsize * 8}` : 'bytes'; break;
    case 'U': letterSize = `U${itemsize / 4}`; name = itemsize ? `str${itemsize * 8}` : 'str'; break;
    case 'V': letterSize = `V${itemsize}`; name = itemsize ? `void${itemsize * 8}` : 'void'; break;
    case 'M': case 'm': {
      const base = kind === 'M' ? 'datetime64' : 'timedelta64';
      letterSize = `${kind}8${unit ? `[${unit}]` : ''}`;
      name = unit ? `${base}[${unit}]` : base;
      break;
    }
    default: letterSize = `${kind}${itemsize}`; name = `${KIND_NAMES[kind]!}${itemsize * 8}`;
  }
  const d: Dtype = { kind, itemsize, byteOrder, name, str: `${byteOrder}${letterSize}` };
  if (kind === 'M' || kind === 'm') return { ...d, unit };
  if (kind === 'O') return { ...d, needsPickle: true };
  return d;
}

function makeSubarray(base: Dtype, shape: readonly number[], whole: unknown): Dtype {
  if (shape.length === 0) return base;
  let n = 1;
  for (const s of shape) {
    if (!Number.isSafeInteger(s) || s < 0) throw new DtypeError(`invalid shape in fixed-type tuple: ${specText(whole)}`);
    n *= s;
  }
  const itemsize = n * base.itemsize;
  if (!Number.isSafeInteger(itemsize) || itemsize > 0x7fffffff) throw new DtypeError(`invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int (${specText(whole)})`);
  const d: Dtype = { kind: 'V', itemsize, byteOrder: '|', name: itemsize ? `void${itemsize * 8}` : 'void', str: `|V${itemsize}`, subarray: { base, shape: [...shape] } };
  return base.needsPickle ? { ...d, needsPickle: true } : d;
}

function makeStruct(fields: { name: string; title?: string; dtype: Dtype; offset?: number }[], whole: unknown, itemsize?: number): Dtype {
  const seen = new Set<string>();
  let at = 0;
  const out: DtypeField[] = [];
  for (const f of fields) {
    if (seen.has(f.name)) throw new DtypeError(`field '${f.name}' occurs more than once in ${specText(whole)}`);
    if (f.title !== undefined && (seen.has(f.title) || f.title === f.name)) throw new DtypeError(`title '${f.title}' already used as a name or title in ${specText(whole)}`);
    seen.add(f.name);
    if (f.title !== undefined) seen.add(f.title);
    const offset = f.offset ?? at;
    out.push(f.title === undefined ? { name: f.name, dtype: f.dtype, offset } : { name: f.name, title: f.title, dtype: f.dtype, offset });
    at = offset + f.dtype.itemsize;
  }
  const size = itemsize ?? at;
  if (size > 0x7fffffff) throw new DtypeError(`structured dtype ${specText(whole)} is too large (${size} bytes)`);
  const d: Dtype = { kind: 'V', itemsize: size, byteOrder: '|', name: size ? `void${size * 8}` : 'void', str: `|V${size}`, fields: out };
  return out.some((f) => f.dtype.needsPickle) ? { ...d, needsPickle: true } : d;
}

function descrType(t: unknown, whole: unknown): Dtype {
  if (typeof t === 'string') return parseString(t);
  if (Array.isArray(t)) return parseDescrList(t as DescrList);
  return notUnderstood(whole);
}

function descrShape(s: unknown, whole: unknown): number[] {
  if (typeof s === 'number') return [s];
  if (Array.isArray(s) && s.every((x) => typeof x === 'number')) return s as number[];
  throw new DtypeError(`invalid shape in fixed-type tuple: ${specText(s)} in ${specText(whole)}`);
}

/** NumPy's `format.descr_to_dtype` for a list descr: padding entries dropped, offsets packed. */
function parseDescrList(descr: DescrList): Dtype {
  if (!Array.isArray(descr)) return notUnderstood(descr);
  const fields: { name: string; title?: string; dtype: Dtype; offset: number }[] = [];
  let offset = 0;
  for (const entry of descr as unknown[]) {
    if (!Array.isArray(entry) || (entry.length !== 2 && entry.length !== 3)) {
      throw new DtypeError(`descr entry ${specText(entry)} is not a (name, type) or (name, type, shape) tuple`);
    }
    const [rawName, type, shape] = entry as [unknown, unknown, unknown];
    let dt = descrType(type, descr);
    if (entry.length === 3) dt = makeSubarray(dt, descrShape(shape, descr), descr);
    let title: string | undefined;
    let name: string;
    if (typeof rawName === 'string') name = rawName;
    else if (Array.isArray(rawName) && rawName.length === 2 && typeof rawName[1] === 'string' && typeof rawName[0] === 'string') {
      title = rawName[0];
      name = rawName[1];
    } else throw new DtypeError(`field name ${specText(rawName)} is not a string or a (title, name) pair`);
    const isPad = name === '' && dt.kind === 'V' && !dt.fields && !dt.subarray;
    if (!isPad) {
      // descr_to_dtype keeps an empty name of a field that is not padding ('' for an 'O').
      fields.push(title === undefined ? { name, dtype: dt, offset } : { name, title, dtype: dt, offset });
    }
    offset += dt.itemsize;
  }
  return makeStruct(fields, descr, offset);
}
