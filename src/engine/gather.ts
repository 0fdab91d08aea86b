/**
 * Gather: read a view's values out of raw bytes, honouring the dtype's kind and byte order.
 *
 * Values come back as plain data (`Scalar`): booleans; numbers for floats and for integers of
 * up to 4 bytes; bigints for int64/uint64 (exact) and for datetime64/timedelta64 counts;
 * `{re, im}` for complex; strings for `S` (bytes as latin-1, trailing NULs stripped, as NumPy
 * does) and `U` (UTF-32 code points, trailing NULs stripped); `{hex}` for raw void bytes;
 * objects keyed by field name for structured types; nested arrays for sub-arrays.
 *
 * A page is a rectangular block of two chosen axes (rows × columns) with every other axis at a
 * fixed index; it works for any strides, so C order, Fortran order and views alike.
 */
import type { Dtype } from './dtype';
import { elementAddress, layoutError, type Layout } from './layout';
import type { Result } from './report';

export interface Complex { readonly re: number; readonly im: number }
export interface RawBytes { readonly hex: string }
export type Scalar = boolean | number | bigint | string | Complex | RawBytes | readonly Scalar[] | { readonly [field: string]: Scalar };

/** A rectangular block of a view: rows along `rowAxis`, columns along `colAxis`. */
export interface PageSpec {
  /** Axis shown as rows, or `null` (one row; e.g. a 0-d array). */
  readonly rowAxis: number | null;
  /** Axis shown as columns, or `null` (one column; e.g. a 1-d array shown as a column). */
  readonly colAxis: number | null;
  /** An index for every axis; entries for the row and column axes are ignored. */
  readonly index: readonly number[];
  readonly rowStart: number;
  readonly rowCount: number;
  readonly colStart: number;
  readonly colCount: number;
}

export interface Page {
  readonly rowStart: number;
  readonly colStart: number;
  readonly rows: number;
  readonly cols: number;
  /** Row-major: `values[r * cols + c]` is element (rowStart + r, colStart + c). */
  readonly values: Scalar[];
}

/** Why a page request does not fit the layout (naming the bad value), or `undefined`. */
export function pageError(l: Layout, p: PageSpec): string | undefined {
  const err = layoutError(l);
  if (err) return err;
  const nd = l.shape.length;
  for (const [name, ax] of [['rowAxis', p.rowAxis], ['colAxis', p.colAxis]] as const) {
    if (ax !== null && (!Number.isInteger(ax) || ax < 0 || ax >= nd)) return `${name} ${ax} is not an axis of a ${nd}-d array`;
  }
  if (p.rowAxis !== null && p.rowAxis === p.colAxis) return `rowAxis and colAxis are both ${p.rowAxis}`;
  if (p.index.length !== nd) return `index has ${p.index.length} entries for a ${nd}-d array`;
  for (let k = 0; k < nd; k++) {
    if (k === p.rowAxis || k === p.colAxis) continue;
    const i = p.index[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= l.shape[k]!) return `index ${i} is out of range for axis ${k} of size ${l.shape[k]}`;
  }
  const rowSize = p.rowAxis === null ? 1 : l.shape[p.rowAxis]!;
  const colSize = p.colAxis === null ? 1 : l.shape[p.colAxis]!;
  for (const [name, start, count, size] of [['row', p.rowStart, p.rowCount, rowSize], ['column', p.colStart, p.colCount, colSize]] as const) {
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > size) {
      return `${name}s ${start}…${start + count} do not fit an axis of size ${size}`;
    }
  }
  return undefined;
}

/** The clipped page: start and count limited to the axis sizes (never an error for a too-large request). */
export function clipPage(l: Layout, p: PageSpec): PageSpec {
  const size = (ax: number | null): number => (ax === null ? 1 : l.shape[ax] ?? 0);
  const clip = (start: number, count: number, n: number): [number, number] => {
    const s = Math.min(Math.max(0, Math.floor(start)), n);
    return [s, Math.max(0, Math.min(Math.floor(count), n - s))];
  };
  const [rowStart, rowCount] = clip(p.rowStart, p.rowCount, size(p.rowAxis));
  const [colStart, colCount] = clip(p.colStart, p.colCount, size(p.colAxis));
  return { ...p, rowStart, rowCount, colStart, colCount };
}

/** Byte address of every page element, row-major (exact: a page never passes 2^53 in practice, checked). */
export function pageAddresses(l: Layout, p: PageSpec): Result<number[]> {
  const err = pageError(l, p);
  if (err) return { ok: false, error: err };
  const idx = p.index.map((i, k) => (k === p.rowAxis || k === p.colAxis ? 0 : i));
  const base = elementAddress(l, idx);
  const rs = p.rowAxis === null ? 0n : BigInt(l.strides[p.rowAxis]!);
  const cs = p.colAxis === null ? 0n : BigInt(l.strides[p.colAxis]!);
  const first = base + BigInt(p.rowStart) * rs + BigInt(p.colStart) * cs;
  const corners = [first, first + BigInt(Math.max(0, p.rowCount - 1)) * rs, first + BigInt(Math.max(0, p.colCount - 1)) * cs,
    first + BigInt(Math.max(0, p.rowCount - 1)) * rs + BigInt(Math.max(0, p.colCount - 1)) * cs];
  if (corners.some((a) => a > BigInt(Number.MAX_SAFE_INTEGER) || a < BigInt(Number.MIN_SAFE_INTEGER))) {
    return { ok: false, error: `page addresses pass 2^53 (first ${first})` };
  }
  const out = new Array<number>(p.rowCount * p.colCount);
  const f = Number(first);
  const r = Number(rs);
  const c = Number(cs);
  for (let i = 0; i < p.rowCount; i++) for (let j = 0; j < p.colCount; j++) out[i * p.colCount + j] = f + i * r + j * c;
  return { ok: true, value: out };
}

/** Decode the element of type `d` stored at `bytes[at…at + itemsize)`. */
export function decodeScalar(d: Dtype, bytes: Uint8Array, at: number): Scalar {
  return decodeWith(d, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes, at);
}

/** A decoder for many elements of one type: `decode(dv, bytes, at)` with `dv` a DataView over `bytes`. */
export function scalarDecoder(d: Dtype): (dv: DataView, bytes: Uint8Array, at: number) => Scalar {
  const le = d.byteOrder !== '>';
  if (!d.fields && !d.subarray) {
    if (d.kind === 'f' && d.itemsize === 4) return (dv, _b, at) => dv.getFloat32(at, le);
    if (d.kind === 'f' && d.itemsize === 8) return (dv, _b, at) => dv.getFloat64(at, le);
    if ((d.kind === 'i' || d.kind === 'u') && d.itemsize <= 4) {
      const size = d.itemsize;
      const signed = d.kind === 'i';
      return (dv, _b, at) => decodeInt(dv, at, size, signed, le);
    }
  }
  return (dv, bytes, at) => decodeWith(d, dv, bytes, at);
}

function decodeWith(d: Dtype, dv: DataView, bytes: Uint8Array, at: number): Scalar {
  if (d.fields) {
    const out: Record<string, Scalar> = {};
    for (const f of d.fields) out[f.name] = decodeWith(f.dtype, dv, bytes, at + f.offset);
    return out;
  }
  if (d.subarray) return decodeSub(d.subarray.base, d.subarray.shape, dv, bytes, at);
  const le = d.byteOrder !== '>';
  switch (d.kind) {
    case 'b': return bytes[at] !== 0;
    case 'i':
    case 'u': return decodeInt(dv, at, d.itemsize, d.kind === 'i', le);
    case 'f': return decodeFloat(dv, bytes, at, d.itemsize, le);
    case 'c': {
      const h = d.itemsize / 2;
      return { re: decodeFloat(dv, bytes, at, h, le), im: decodeFloat(dv, bytes, at + h, h, le) };
    }
    case 'M':
    case 'm': return dv.getBigInt64(at, le);
    case 'S': {
      let end = at + d.itemsize;
      while (end > at && bytes[end - 1] === 0) end--;
      let s = '';
      for (let k = at; k < end; k++) s += String.fromCharCode(bytes[k]!);
      return s;
    }
    case 'U': {
      const n = d.itemsize / 4;
      const cps: number[] = [];
      for (let k = 0; k < n; k++) cps.push(dv.getUint32(at + 4 * k, le));
      while (cps.length && cps[cps.length - 1] === 0) cps.pop();
      return cps.map((c) => (c <= 0x10ffff ? String.fromCodePoint(c) : '\ufffd')).join('');
    }
    default: {
      let hex = '';
      for (let k = at; k < at + d.itemsize; k++) hex += bytes[k]!.toString(16).padStart(2, '0');
      return { hex };
    }
  }
}

function decodeSub(base: Dtype, shape: readonly number[], dv: DataView, bytes: Uint8Array, at: number): Scalar[] {
  const [n, ...rest] = shape;
  const inner = rest.reduce((a, b) => a * b, 1) * base.itemsize;
  const out: Scalar[] = [];
  for (let k = 0; k < n!; k++) out.push(rest.length ? decodeSub(base, rest, dv, bytes, at + k * inner) : decodeWith(base, dv, bytes, at + k * base.itemsize));
  return out;
}

function decodeInt(dv: DataView, at: number, size: number, signed: boolean, le: boolean): number | bigint {
  switch (size) {
    case 1: return signed ? dv.getInt8(at) : dv.getUint8(at);
    case 2: return signed ? dv.getInt16(at, le) : dv.getUint16(at, le);
    case 4: return signed ? dv.getInt32(at, le) : dv.getUint32(at, le);
    default: return signed ? dv.getBigInt64(at, le) : dv.getBigUint64(at, le);
  }
}

function decodeFloat(dv: DataView, bytes: Uint8Array, at: number, size: number, le: boolean): number {
  switch (size) {
    case 2: return halfToNumber(dv.getUint16(at, le));
    case 4: return dv.getFloat32(at, le);
    case 8: return dv.getFloat64(at, le);
    default: return extendedToNumber(bytes, at, le);
  }
}

/** IEEE binary16 bits → number. */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** x87 80-bit extended precision (NumPy's float128 on x86, 16 bytes with padding) → nearest number. */
function extendedToNumber(bytes: Uint8Array, at: number, le: boolean): number {
  const b = (k: number): number => (le ? bytes[at + k]! : bytes[at + 15 - k]!);
  let mant = 0n;
  for (let k = 7; k >= 0; k--) mant = (mant << 8n) | BigInt(b(k));
  const se = b(8) | (b(9) << 8);
  const sign = se & 0x8000 ? -1 : 1;
  const exp = se & 0x7fff;
  const integerBit = (mant >> 63n) === 1n;
  // x87 rules: exponent all ones is ±inf only with the integer bit set and no fraction; an
  // "unnormal" (exponent not 0, integer bit clear) is invalid and loads as NaN.
  if (exp === 0x7fff) return integerBit && (mant & 0x7fffffffffffffffn) === 0n ? sign * Infinity : NaN;
  if (exp !== 0 && !integerBit) return NaN;
  if (mant === 0n) return sign * 0;
  // value = mant · 2^(exp − 16383 − 63); scale in two steps to avoid intermediate overflow.
  const e = (exp === 0 ? 1 : exp) - 16383 - 63;
  const m = Number(mant);
  return sign * m * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2));
}

/**
 * Gather a page from bytes: `bytesAt(address)` returns the chunk holding that element and the
 * position of the element in it (the caller decides how the bytes were read).
 */
export function gatherPage(l: Layout, d: Dtype, p: PageSpec, bytesAt: (address: number) => readonly [Uint8Array, number]): Result<Page> {
  const addrs = pageAddresses(l, p);
  if (!addrs.ok) return addrs;
  const values = addrs.value.map((a) => {
    const [chunk, pos] = bytesAt(a);
    return decodeScalar(d, chunk, pos);
  });
  return { ok: true, value: { rowStart: p.rowStart, colStart: p.colStart, rows: p.rowCount, cols: p.colCount, values } };
}
