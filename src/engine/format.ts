/**
 * Format: a gathered value as NumPy's `str()` prints the scalar, and as a number for colours.
 *
 * The one formatter for every caller (the CLI, the array viewer's cells, `displayPage`): floats
 * of each width print the shortest digits that read back to the same float16/float32/float64
 * (ties to the even digit, as Dragon4) with NumPy's switch to exponent notation; datetimes are
 * exact civil dates for any count; bytes and void print as Python bytes literals.
 * Known gap: long double (`<f16`) prints the nearest float64's digits. Records print as NumPy
 * 2 does, a tuple of each field's scalar `str` (NumPy 1.x printed fields as array elements:
 * `-1.` where NumPy 2 prints `-1.0`).
 */
import type { Dtype } from './dtype';
import type { Complex, Page, RawBytes, Scalar } from './gather';

/**
 * An integer with U+2009 THIN SPACE between groups of three digits from five digits on, as
 * SI writes numbers: `3136`, `37 744`, `4 000 000`. The counts in lenses, hovers,
 * diagnostics, .npy messages and `stride-lens inspect` go through it (the layout report keeps
 * plain digits: its intervals are meant to be copied).
 */
export function groupDigits(n: bigint | number): string {
  const s = n.toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  if (digits.length < 5) return s;
  const groups: string[] = [];
  for (let i = digits.length; i > 0; i -= 3) groups.unshift(digits.slice(Math.max(0, i - 3), i));
  return (neg ? '-' : '') + groups.join('\u2009');
}

/**
 * Text from a file (a member name, a header) made safe for a terminal or one log line:
 * control characters (C0 incl. newline and escape, DEL, C1) become `\xNN`, so a name
 * cannot clear the screen, recolour output or forge a line. A backslash stays as is.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The nearest IEEE binary16 value (ties to even), as a number. */
export function roundToHalf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return Math.sign(x) * Infinity;
  let e = Math.max(-14, Math.floor(Math.log2(a)));
  if (2 ** e > a) e--; // log2 rounding just below a power of two
  const quantum = 2 ** (Math.max(-14, e) - 10);
  const q = a / quantum;
  let r = Math.round(q);
  if (r - q === 0.5 && r % 2 === 1) r -= 1; // Math.round rounds .5 up; make it ties-to-even
  return Math.sign(x) * r * quantum;
}

/**
 * NumPy's `str` of a float `itemsize` bytes wide (2, 4, 8; wider prints as float64): the
 * shortest digits that read back to the same value, positional for 1e-4 ≤ |x| < 1e16 and
 * exponent notation otherwise: `0.1`, `1e-05`, `1e+16`, `nan`, `inf`, `-0.0`.
 */
export function formatFloat(x: number, itemsize = 8): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  let exp = x.toExponential(); // shortest for float64 (ties to even by the spec)
  if (itemsize === 4 || itemsize === 2) {
    const same = itemsize === 4 ? (y: number) => Math.fround(y) === x : (y: number) => roundToHalf(y) === x;
    // The fewest digits that round-trip (one more digit rounds at least as close): binary search.
    let lo = 0;
    let hi = itemsize === 4 ? 8 : 4;
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
  // NumPy compares the value itself (float32 0.0001 is 9.99999975e-05: `1e-04`), not its digits.
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
/** A year as C's `%04d` prints it (NumPy's format): `0005`, `-002`, `-1030`, `20970`. */
const year = (y: bigint): string => (y >= 0n ? pad(y, 4) : `-${pad(-y, 3)}`);

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

/** NumPy's `str` of a datetime64 count in `unit` (`10ms`, `D`): `2022-01-08`, `1970-01-01T00:00:00.001`, `NaT`. */
export function formatDatetime(count: bigint, unit: string): string {
  if (count === NAT) return 'NaT';
  const { mult, base } = splitUnit(unit);
  const v = count * mult;
  if (base === 'Y') return year(1970n + v);
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

/** NumPy's `str` of a timedelta64 count in `unit`: `5 seconds`, `-125 seconds` for `25s`, `5 generic time units`, `NaT`. */
export function formatTimedelta(count: bigint, unit: string): string {
  if (count === NAT) return 'NaT';
  const { mult, base } = splitUnit(unit);
  const word = UNIT_WORDS[base];
  return word ? `${count * mult} ${word}` : `${count} generic time units`;
}

/** Python's repr of bytes given as latin-1 text: `b'ab'`, `b"it's"`, `b'\x00\n'`. */
function formatBytes(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = `b${q}`;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const ch = s[k]!;
    if (ch === '\\' || ch === q) out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + q;
}

/** A value as NumPy's `str()` prints the scalar (`0.1`, `(1.5+2j)`, `NaT`, `b'ab'`, `True`). */
export function formatScalar(d: Dtype, v: Scalar): string {
  if (d.fields) {
    const o = v as Record<string, Scalar>;
    const parts = d.fields.map((f) => formatScalar(f.dtype, o[f.name]!));
    return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
  }
  if (d.subarray) {
    const base = d.subarray.base;
    const rec = (x: Scalar): string => (Array.isArray(x) ? `[${(x as Scalar[]).map(rec).join(', ')}]` : formatScalar(base, x));
    return rec(v);
  }
  switch (d.kind) {
    case 'b': return v ? 'True' : 'False';
    case 'f': return formatFloat(v as number, d.itemsize);
    case 'c': {
      const { re, im } = v as Complex;
      const w = d.itemsize / 2;
      const part = (x: number): string => formatFloat(x, w).replace(/\.0$/, '');
      const ims = part(im);
      if (re === 0 && !Object.is(re, -0)) return `${ims}j`;
      return `(${part(re)}${ims.startsWith('-') ? ims : `+${ims}`}j)`;
    }
    case 'M': return formatDatetime(v as bigint, d.unit ?? '');
    case 'm': return formatTimedelta(v as bigint, d.unit ?? '');
    case 'S': return formatBytes(v as string);
    // NumPy prints every byte of a void escaped, upper-case: b'\x61\xFF'.
    case 'V': return `b'${((v as RawBytes).hex.match(/../g) ?? []).map((h) => `\\x${h.toUpperCase()}`).join('')}'`;
    default: return String(v);
  }
}

/** A scalar as a number for colouring and statistics (`NaN` when it has none: strings, structs, NaT). */
export function scalarToNumber(v: Scalar): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object' && v !== null && 're' in v && typeof v.re === 'number' && typeof v.im === 'number') return Math.hypot(v.re, v.im);
  return NaN;
}

/** A page ready to show: NumPy's text for each value, and a number for colouring (`NaN` when it has none). */
export interface DisplayPage {
  readonly rowStart: number;
  readonly colStart: number;
  readonly rows: number;
  readonly cols: number;
  readonly texts: string[];
  /** Row-major like `texts`; `NaN`, `±Infinity` kept (JSON would turn them into null: send the buffer, or encode them). */
  readonly numbers: Float64Array;
}

/** Texts and numbers of a page, plain data without bigints (safe to post to a webview). */
export function displayPage(d: Dtype, p: Page): DisplayPage {
  return {
    rowStart: p.rowStart, colStart: p.colStart, rows: p.rows, cols: p.cols,
    texts: p.values.map((v) => formatScalar(d, v)),
    numbers: Float64Array.from(p.values, scalarToNumber),
  };
}
