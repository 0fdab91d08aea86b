/**
 * The `.npy` format (NumPy's `lib/format.py`), read lazily.
 *
 * A file is:
 *   - the magic string `\x93NUMPY` (6 bytes);
 *   - the format version, major and minor, one unsigned byte each;
 *   - the header length HLEN: a little-endian uint16 in version 1.0, uint32 in 2.0 and 3.0;
 *   - HLEN bytes of header: the repr of a Python dict literal with exactly the keys `descr`
 *     (a dtype descr), `fortran_order` (bool) and `shape` (tuple of ints), padded with spaces
 *     and ended by `\n`; latin-1 in 1.0 and 2.0, UTF-8 in 3.0;
 *   - the data: `prod(shape) · itemsize` bytes in C order, or in Fortran order when
 *     `fortran_order` is True. Object arrays (`descr '|O'`) hold a pickle instead; we refuse them.
 *
 * Reading the header reads the first bytes of the file and never the data. Every error names
 * the file and quotes the bad value, as NumPy's messages do (`shape is not valid: (-1,)`).
 */
import { parseDtype, type DescrList, type Dtype } from '../engine/dtype';
import { groupDigits, printable } from '../engine/format';
import { cStrides, elementCount, fStrides, type Layout } from '../engine/layout';
import type { Result } from '../engine/report';
import { parsePyLiteral, pyRepr, toPlain, type PyValue } from './literal';
import type { ByteSource } from './source';

export const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] as const; // \x93NUMPY

/** Per version: bytes of the header-length field and the header's text encoding. */
const VERSIONS: Record<string, { readonly lengthBytes: 2 | 4; readonly encoding: 'latin1' | 'utf8' }> = {
  '1.0': { lengthBytes: 2, encoding: 'latin1' },
  '2.0': { lengthBytes: 4, encoding: 'latin1' },
  '3.0': { lengthBytes: 4, encoding: 'utf8' },
};

/** NumPy's default cap on the header's length in characters (`max_header_size`). */
export const MAX_HEADER_SIZE = 10000;

export interface NpyHeader {
  /** Format version, `'1.0'`, `'2.0'` or `'3.0'`. */
  readonly version: string;
  /** The descr as written in the header (a string, or a list for structured types). */
  readonly descr: unknown;
  readonly dtype: Dtype;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
  /** Bytes before the data: magic, version, length field and header. */
  readonly dataOffset: number;
  /** Element count and data bytes (exact). */
  readonly count: bigint;
  readonly nbytes: bigint;
  /** The array's layout over its data bytes (offset 0 = first data byte), strides as NumPy gives them. */
  readonly layout: Layout;
  /** The header text as decoded (for display). */
  readonly headerText: string;
}

export interface HeaderOptions {
  /** Name used in error messages (file name or `archive.npz/member.npy`). */
  readonly name?: string;
  /** Cap on the header's length in characters; NumPy's default is 10000. */
  readonly maxHeaderSize?: number;
}

/** Read and check the header of a `.npy` source; object arrays parse but are flagged by `dtype.needsPickle`. */
export async function readNpyHeader(src: ByteSource, opts: HeaderOptions = {}): Promise<Result<NpyHeader>> {
  const name = opts.name ?? 'array';
  const bad = (msg: string): Result<NpyHeader> => ({ ok: false, error: printable(`${name}: ${msg}`) });
  const cap = opts.maxHeaderSize ?? MAX_HEADER_SIZE;
  try {
    const pre = await src.read(0, 12);
    if (pre.length < 8) return bad(`not a .npy file: ${src.size} bytes is too short for the magic string and version (8 bytes)`);
    if (!MAGIC.every((b, k) => pre[k] === b)) {
      return bad(`not a .npy file: the magic string is not correct; expected b'\\x93NUMPY', got ${bytesRepr(pre.subarray(0, 6))}`);
    }
    const version = `${pre[6]}.${pre[7]}`;
    const info = VERSIONS[version];
    if (!info) return bad(`unsupported .npy format version ${version}: only 1.0, 2.0 and 3.0 exist`);
    const start = 8 + info.lengthBytes;
    if (pre.length < start) return bad(`file ends inside the header length field (${src.size} bytes)`);
    let hlen = 0;
    for (let k = info.lengthBytes - 1; k >= 0; k--) hlen = hlen * 256 + pre[8 + k]!;
    const maxBytes = info.encoding === 'utf8' ? cap * 4 : cap;
    if (hlen > maxBytes) return bad(`header length ${hlen} is larger than the ${cap}-character limit; it may not be safe to load`);
    if (start + hlen > src.size) return bad(`header of ${hlen} bytes runs past the end of the file (${src.size} bytes, header starts at ${start})`);
    // The first read may already hold the header's first bytes (version 1.0): reuse them, so
    // exactly magic + version + length + header are read, never a data byte.
    const have = pre.subarray(start, Math.min(pre.length, start + hlen));
    const more = hlen > have.length ? await src.read(start + have.length, hlen - have.length) : new Uint8Array(0);
    const raw = new Uint8Array(have.length + more.length);
    raw.set(have);
    raw.set(more, have.length);
    if (raw.length < hlen) return bad(`header of ${hlen} bytes runs past the end of the file (${src.size} bytes)`);
    const text = info.encoding === 'latin1' ? latin1(raw) : utf8(raw);
    if (text === undefined) return bad('the header is not valid UTF-8');
    const chars = codePoints(text);
    if (chars > cap) return bad(`header info length (${chars}) is larger than the ${cap}-character limit; it may not be safe to load`);
    const lit = parsePyLiteral(text, { allowLongSuffix: version !== '3.0' });
    if (!lit.ok) return bad(`cannot parse header ${clipRepr(text)}: ${lit.error}`);
    const checked = checkHeaderDict(lit.value);
    if (!checked.ok) return bad(checked.error);
    const { descr, dtype, fortranOrder, shape } = checked.value;
    const count = elementCount({ shape });
    const strides = fortranOrder ? fStrides(shape, dtype.itemsize) : cStrides(shape, dtype.itemsize);
    if (strides.some((s) => !Number.isSafeInteger(s))) return bad(`shape ${shapeRepr(shape)} is too large: its strides pass 2^53 bytes`);
    return {
      ok: true,
      value: {
        version, descr, dtype, fortranOrder, shape, dataOffset: start + hlen, count,
        nbytes: count * BigInt(dtype.itemsize),
        layout: { shape, strides, offset: 0, itemsize: dtype.itemsize },
        headerText: text,
      },
    };
  } catch (e) {
    return bad(`cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** NumPy's header checks: exactly the three keys, a valid descr, a bool, a tuple of non-negative ints. */
function checkHeaderDict(v: PyValue): Result<{ descr: unknown; dtype: Dtype; fortranOrder: boolean; shape: number[] }> {
  const err = (error: string) => ({ ok: false as const, error });
  if (v === null || typeof v !== 'object' || v.kind !== 'dict') return err(`header is not a dictionary: ${clipRepr(pyRepr(v))}`);
  const keys = v.entries.map(([k]) => k);
  const want = ['descr', 'fortran_order', 'shape'];
  const sorted = [...keys].map((k) => (typeof k === 'string' ? k : pyRepr(k))).sort();
  if (keys.some((k) => typeof k !== 'string') || sorted.join('\0') !== want.join('\0')) {
    return err(`header does not contain the correct keys: ${clipRepr(`[${keys.map(pyRepr).sort().join(', ')}]`)} (expected ['descr', 'fortran_order', 'shape'])`);
  }
  const get = (k: string): PyValue => v.entries.find(([key]) => key === k)![1];
  const shapeV = get('shape');
  // Python's bools are ints: NumPy reads (True,) as (1,).
  const dims = shapeV !== null && typeof shapeV === 'object' && shapeV.kind === 'tuple'
    ? shapeV.items.map((x) => (typeof x === 'boolean' ? BigInt(x) : x)) : undefined;
  if (!dims || !dims.every((x) => typeof x === 'bigint' && x >= 0n && x <= BigInt(Number.MAX_SAFE_INTEGER))) {
    return err(`shape is not valid: ${clipRepr(pyRepr(shapeV))}`);
  }
  const shape = dims.map((x) => Number(x));
  const fo = get('fortran_order');
  if (typeof fo !== 'boolean') return err(`fortran_order is not a valid bool: ${clipRepr(pyRepr(fo))}`);
  const descrV = get('descr');
  // A float anywhere in a descr (a sub-array shape of (2.0,)) is refused, as NumPy does;
  // plain values cannot tell 2.0 from 2, so look before converting.
  if (containsFloat(descrV)) return err(`descr is not a valid dtype descriptor: ${clipRepr(pyRepr(descrV))} (a float where NumPy needs an integer)`);
  const plain = toPlain(descrV);
  if (typeof plain !== 'string' && !Array.isArray(plain)) return err(`descr is not a valid dtype descriptor: ${clipRepr(pyRepr(descrV))}`);
  const dt = parseDtype(plain as string | DescrList);
  if (!dt.ok) return err(`descr is not a valid dtype descriptor: ${clipRepr(pyRepr(descrV))} (${dt.error})`);
  return { ok: true, value: { descr: plain, dtype: dt.value, fortranOrder: fo, shape } };
}

/** Why the data is not all there (`shape (1000, 1000) float32 needs 4 000 000 data bytes; the file has 3 999 872`), or `undefined`. */
export function truncationError(h: NpyHeader, sourceSize: number): string | undefined {
  if (h.dtype.needsPickle) return undefined;
  const have = BigInt(Math.max(0, sourceSize - h.dataOffset));
  if (have >= h.nbytes) return undefined;
  return `shape ${shapeRepr(h.shape)} ${h.dtype.name} needs ${groupDigits(h.nbytes)} data bytes; the file has ${groupDigits(have)}`;
}

/** The reason an object array cannot be read. */
export function pickleError(h: NpyHeader): string {
  return `descr ${typeof h.descr === 'string' ? `'${h.descr}'` : pyRepr(fromPlain(h.descr))} holds Python objects: their data is a pickle, which Stride Lens never unpickles (arbitrary code could run). Save it with a numeric, string or structured dtype instead.`;
}

function containsFloat(v: PyValue): boolean {
  if (typeof v === 'number') return true;
  if (v === null || typeof v !== 'object') return false;
  if (v.kind === 'tuple' || v.kind === 'list') return v.items.some(containsFloat);
  if (v.kind === 'dict') return v.entries.some(([k, x]) => containsFloat(k) || containsFloat(x));
  return false;
}

/** A shape as Python prints it: `(3,)`, `(2, 3)`, `()`. */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function fromPlain(v: unknown): PyValue {
  if (Array.isArray(v)) return { kind: 'list', items: v.map(fromPlain) };
  if (typeof v === 'number') return BigInt(v);
  return v as PyValue;
}

/** The header text for an error message: without its padding, control bytes escaped, clipped. */
function clipRepr(s: string): string {
  const t = s.replace(/[ \n\0]+$/, '');
  return printable(t.length > 300 ? `${t.slice(0, 300)}… (${t.length} characters)` : t);
}

/** Length in characters (code points), as Python's len() counts: the header limit is in those. */
function codePoints(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c < 0xdc00 && k + 1 < s.length) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d < 0xe000) k++;
    }
    n++;
  }
  return n;
}

function bytesRepr(b: Uint8Array): string {
  let s = "b'";
  for (const x of b) s += x >= 0x20 && x < 0x7f && x !== 0x27 && x !== 0x5c ? String.fromCharCode(x) : `\\x${x.toString(16).padStart(2, '0')}`;
  return `${s}'`;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let k = 0; k < b.length; k += 4096) s += String.fromCharCode(...b.subarray(k, k + 4096));
  return s;
}

/** Strict UTF-8 decoding; `undefined` on a malformed sequence. */
export function utf8(b: Uint8Array): string | undefined {
  const cps: number[] = [];
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    let n: number;
    let cp: number;
    if (c < 0x80) { cps.push(c); i++; continue; }
    if (c >= 0xc2 && c < 0xe0) { n = 1; cp = c & 0x1f; } else if (c >= 0xe0 && c < 0xf0) { n = 2; cp = c & 0x0f; } else if (c >= 0xf0 && c < 0xf5) { n = 3; cp = c & 0x07; } else return undefined;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (x & 0x3f);
    }
    if ((n === 2 && cp < 0x800) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    cps.push(cp);
    i += n + 1;
  }
  let s = '';
  for (let k = 0; k < cps.length; k += 4096) s += String.fromCodePoint(...cps.slice(k, k + 4096));
  return s;
}
