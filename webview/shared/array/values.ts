/** Cell values from the protocol as numbers (NaN and infinities arrive by name). Pure. */
import type { NpyCellValue } from '../../../src/protocol';

/** The number of a cell value; `null` when it has none. */
export function cellNumber(v: NpyCellValue): number | null {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}

/**
 * Characters the longest value of a dtype takes as NumPy's `str` prints it (float64's
 * shortest round-trip digits in exponent form, int64's minimum, a datetime in ns, …), so
 * grid columns show values whole instead of cutting them.
 */
export function textWidth(dtypeStr: string): number {
  const m = /^[<>|=]?([a-zA-Z])(\d*)/.exec(dtypeStr);
  if (!m) return 16;
  const n = Number(m[2] || 0);
  switch (m[1]) {
    case 'b': return 5;
    case 'i': case 'u': return ({ 1: 4, 2: 6, 4: 11, 8: 20 } as Record<number, number>)[n] ?? 20;
    case 'f': return ({ 2: 10, 4: 15, 8: 23 } as Record<number, number>)[n] ?? 23;
    case 'c': return n <= 8 ? 32 : 48;
    case 'M': case 'm': return 36; // down to attoseconds: 1970-01-01T00:00:00.000000000000000001
    case 'U': return Math.min(40, n + 2);
    case 'S': return Math.min(40, n * 4 + 3);
    default: return 24;
  }
}
