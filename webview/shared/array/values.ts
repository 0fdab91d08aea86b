/** Cell values from the protocol as numbers (NaN and infinities arrive by name). Pure. */
import type { NpyCellValue } from '../../../src/protocol';

/** The number of a cell value; `null` when it has none. */
export function cellNumber(v: NpyCellValue): number | null {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}
