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
    case 'M': return datetimeText(v as bigint, d.unit ?? '');
    case 'm': return timedeltaText(v as bigint, d.unit ?? '');
    case 'S': return `b'${String(v)}'`;
    case 'U': return String(v);
    default:
      if (typeof v === 'object' && v !== null && 'hex' in v) return `0x${String(v.hex)}`;
      return String(v);
  }
}

const NAT = -(2n ** 63n);
const UNIT_WORDS: Record<string, string> = {
  Y: 'years', M: 'months', W: 'weeks', D: 'days', h: 'hours', m: 'minutes', s: 'seconds',
  ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds', ps: 'picoseconds', fs: 'femtoseconds', as: 'attoseconds',
};
/** Units below a day: how many in a day, and the digits of the fraction of a second they show. */
const SUB_DAY: Record<string, { perDay: bigint; fraction: number }> = {
  h: { perDay: 24n, fraction: -2 }, m: { perDay: 1440n, fraction: -1 }, s: { perDay: 86400n, fraction: 0 },
  ms: { perDay: 86400n * 10n ** 3n, fraction: 3 }, us: { perDay: 86400n * 10n ** 6n, fraction: 6 }, ns: { perDay: 86400n * 10n ** 9n, fraction: 9 },
  ps: { perDay: 86400n * 10n ** 12n, fraction: 12 }, fs: { perDay: 86400n * 10n ** 15n, fraction: 15 }, as: { perDay: 86400n * 10n ** 18n, fraction: 18 },
};

/** A datetime unit such as `10ms` as its multiplier and base unit. */
function splitUnit(unit: string): { mult: bigint; base: string } {
  const m = /^(\d*)(.*)$/.exec(unit)!;
  return { mult: m[1] ? BigInt(m[1]) : 1n, base: m[2]! };
}

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const pad = (n: bigint, w: number): string => n.toString().padStart(w, '0');
const year = (y: bigint): string => (y >= 0n ? pad(y, 4) : y.toString());

/** The civil date (proleptic Gregorian) of a day count from 1970-01-01 (H. Hinnant's algorithm, exact). */
function civil(days: bigint): { y: bigint; m: bigint; d: bigint } {
  const z = days + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const d = doy - (153n * mp + 2n) / 5n + 1n;
  const m = mp < 10n ? mp + 3n : mp - 9n;
  return { y: yoe + era * 400n + (m <= 2n ? 1n : 0n), m, d };
}

/** NumPy's `str` of a datetime64 count in `unit`: `2022-01-08`, `1970-01-01T00:00:00.001`, `NaT`. */
export function datetimeText(count: bigint, unit: string): string {
  if (count === NAT) return 'NaT';
  const { mult, base } = splitUnit(unit);
  const v = count * mult;
  if (base === 'Y') return (1970n + v).toString();
  if (base === 'M') return `${year(1970n + floorDiv(v, 12n))}-${pad(v - floorDiv(v, 12n) * 12n + 1n, 2)}`;
  const date = (days: bigint) => { const c = civil(days); return `${year(c.y)}-${pad(c.m, 2)}-${pad(c.d, 2)}`; };
  if (base === 'W') return date(v * 7n);
  if (base === 'D') return date(v);
  const sub = SUB_DAY[base];
  if (!sub) return count.toString(); // generic unit
  const days = floorDiv(v, sub.perDay);
  const rem = v - days * sub.perDay; // in `base` units within the day
  const perSecond = sub.fraction > 0 ? 10n ** BigInt(sub.fraction) : 1n;
  const secs = base === 'h' ? rem * 3600n : base === 'm' ? rem * 60n : rem / perSecond;
  const hh = pad(secs / 3600n, 2);
  const mm = pad((secs / 60n) % 60n, 2);
  const ss = pad(secs % 60n, 2);
  if (base === 'h') return `${date(days)}T${hh}`;
  if (base === 'm') return `${date(days)}T${hh}:${mm}`;
  const frac = sub.fraction > 0 ? `.${pad(rem % perSecond, sub.fraction)}` : '';
  return `${date(days)}T${hh}:${mm}:${ss}${frac}`;
}

/** NumPy's `str` of a timedelta64 count in `unit`: `5 seconds`, `-125 seconds` for `25s`, `NaT`. */
export function timedeltaText(count: bigint, unit: string): string {
  if (count === NAT) return 'NaT';
  const { mult, base } = splitUnit(unit);
  const word = UNIT_WORDS[base];
  return word ? `${count * mult} ${word}` : `${count} generic time units`;
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
