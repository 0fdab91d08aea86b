/**
 * Turning the reader's values into what the viewer webview gets: JSON-safe text and colour
 * numbers per cell (webview messages are JSON, so no bigint, NaN or Infinity cross as such).
 * Texts follow NumPy's printing of scalars: the shortest digits that read back to the same
 * float32/float64/float16, Python's switch to exponent notation, `True`/`False`, `(1+2j)`.
 * Pure: no vscode, no node.
 */
import { descrToPython, type Dtype } from '../../engine/dtype';
import type { Page, Scalar } from '../../engine/gather';
import type { NpyHeader } from '../../npy/format';
import { toCellValue, type NpyArrayInfo, type NpyCellValue, type NpyPageData } from '../../protocol';

/** Round to the nearest IEEE binary16 value (ties to even), as a number. */
export function roundToHalf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  const e = Math.max(Math.floor(Math.log2(a)), -14);
  const q = 2 ** (e - 10);
  const n = a / q;
  let r = Math.round(n);
  if (Math.abs(n - Math.trunc(n) - 0.5) < 1e-12 && r % 2 === 1) r -= 1; // ties to even
  return Math.sign(x) * r * q;
}

/**
 * NumPy's `str` of a float of `bits` (16, 32 or 64): the shortest digits that read back to
 * the same value (ties to the even digit, as Dragon4), positional for 1e-4 ≤ |x| < 1e16 and
 * exponent notation otherwise: `0.1`, `1e-05`, `1e+16`, `nan`, `inf`, `-0.0`.
 */
export function floatText(x: number, bits: 16 | 32 | 64 = 64): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const same = bits === 32 ? (y: number) => Math.fround(y) === x : (y: number) => roundToHalf(y) === x;
  let exp = x.toExponential(); // shortest for float64 (ties to even by the spec)
  if (bits !== 64) {
    // The fewest digits that round-trip (more digits keep round-tripping): binary search.
    let lo = 0;
    let hi = bits === 32 ? 8 : 4;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (same(Number(x.toExponential(mid)))) hi = mid;
      else lo = mid + 1;
    }
    exp = x.toExponential(lo);
    const even = tieToEven(x, lo);
    if (even !== undefined && same(Number(even))) exp = even;
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp);
  if (!m) return String(x);
  const sign = m[1]!;
  const digits = (m[2]! + (m[3] ?? '')).replace(/0+$/, '') || '0';
  const e = Number(m[4]);
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const int = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${int}.${frac || '0'}`;
}

/**
 * When `x` lies exactly halfway between two `p + 1`-digit decimals, the one with the even last
 * digit (JS rounds such ties up; NumPy's Dragon4 to even); `undefined` when there is no tie.
 */
function tieToEven(x: number, p: number): string | undefined {
  // A tie needs x to be exactly a (p + 2)-digit decimal ending in 5: cheap test first.
  const next = x.toExponential(p + 1);
  if (!/5e/.test(next) || Number(next) !== x) return undefined;
  const full = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential(100));
  if (!full) return undefined;
  const digits = (full[2]! + (full[3] ?? '')).replace(/0+$/, '');
  if (digits.length !== p + 2 || !digits.endsWith('5')) return undefined;
  const down = digits.slice(0, p + 1);
  if (Number(down[down.length - 1]) % 2 !== 0) return undefined; // rounding up gives the even digit
  return `${full[1]}${down[0]}${down.length > 1 ? `.${down.slice(1)}` : ''}e${full[4]}`;
}

/** How NumPy prints one element of type `d` (strings without quotes; structured as a tuple). */
export function scalarText(v: Scalar, d: Dtype): string {
  if (d.fields) {
    const rec = v as { readonly [field: string]: Scalar };
    const parts = d.fields.map((f) => scalarText(rec[f.name]!, f.dtype));
    return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
  }
  if (d.subarray) {
    const base = d.subarray.base;
    const show = (x: Scalar): string => (Array.isArray(x) ? `[${x.map(show).join(', ')}]` : scalarText(x, base));
    return show(v);
  }
  const bits = d.itemsize === 2 ? 16 : d.itemsize === 4 ? 32 : 64;
  switch (d.kind) {
    case 'b': return v ? 'True' : 'False';
    case 'f': return floatText(v as number, bits);
    case 'c': {
      const { re, im } = v as { re: number; im: number };
      const half = d.itemsize === 8 ? 32 : d.itemsize === 4 ? 16 : 64;
      const imText = floatText(im, half).replace(/\.0$/, '');
      const imSigned = imText.startsWith('-') ? imText : `+${imText}`;
      return re === 0 && !Object.is(re, -0) ? `${imText}j` : `(${floatText(re, half).replace(/\.0$/, '')}${imSigned}j)`;
    }
    case 'M':
    case 'm': {
      const n = v as bigint;
      if (n === -(2n ** 63n)) return 'NaT';
      return `${n} ${d.unit || 'generic'}`;
    }
    case 'S': return `b'${String(v)}'`;
    case 'U': return String(v);
    default:
      if (typeof v === 'object' && v !== null && 'hex' in v) return `0x${String(v.hex)}`;
      return String(v);
  }
}

/** Whether values of `d` have a number (for colours and statistics). */
export function isNumeric(d: Dtype): boolean {
  return !d.fields && !d.subarray && (d.kind === 'b' || d.kind === 'i' || d.kind === 'u' || d.kind === 'f' || d.kind === 'c');
}

/** The colour number of a scalar: the value, |z| for complex, `null` for non-numeric types. */
export function scalarValue(v: Scalar, d: Dtype): NpyCellValue {
  if (!isNumeric(d)) return null;
  if (typeof v === 'number') return toCellValue(v);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object' && v !== null && 're' in v && typeof v.re === 'number' && typeof v.im === 'number') return toCellValue(Math.hypot(v.re, v.im));
  return null;
}

/** A page as JSON-safe texts and colour values; texts are left out when `withText` is false. */
export function encodePage(p: Page, d: Dtype, withText = true): NpyPageData {
  return {
    rowStart: p.rowStart,
    colStart: p.colStart,
    rows: p.rows,
    cols: p.cols,
    texts: withText ? p.values.map((v) => scalarText(v, d)) : [],
    values: p.values.map((v) => scalarValue(v, d)),
  };
}

/** The header facts the viewer shows, JSON-safe. */
export function arrayInfo(h: NpyHeader, name: string): NpyArrayInfo {
  const descr = typeof h.descr === 'string' ? h.descr : descrToPython(h.descr as unknown[][]);
  return {
    name,
    version: h.version,
    descr,
    dtypeName: h.dtype.name,
    dtypeStr: h.dtype.str,
    byteOrder: h.dtype.byteOrder,
    itemsize: h.dtype.itemsize,
    shape: [...h.shape],
    strides: [...h.layout.strides],
    fortranOrder: h.fortranOrder,
    dataOffset: h.dataOffset,
    count: h.count.toString(),
    nbytes: h.nbytes.toString(),
    numeric: isNumeric(h.dtype),
  };
}
