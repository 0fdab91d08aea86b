/** Validation of the layout outputs the Python helper writes (untrusted data). */
import type { CalculatorInputs } from '../../src/protocol';

/** The fields of a layout output, checked; an error names the first bad one. */
export function inputsFromOutput(data: unknown): { ok: true; name: string | null; inputs: CalculatorInputs } | { ok: false; error: string } {
  if (typeof data !== 'object' || data === null) return { ok: false, error: 'output is not a JSON object' };
  const d = data as Record<string, unknown>;
  if (d.version !== 1) return { ok: false, error: `unsupported layout output version ${JSON.stringify(d.version)}` };
  const ints = (v: unknown) => Array.isArray(v) && v.every((x) => Number.isSafeInteger(x));
  if (d.unit !== 'bytes' && d.unit !== 'elements') return { ok: false, error: `unit ${JSON.stringify(d.unit)} is not 'bytes' or 'elements'` };
  if (typeof d.dtype !== 'string') return { ok: false, error: 'dtype is not a string' };
  if (!ints(d.shape)) return { ok: false, error: `shape ${JSON.stringify(d.shape)} is not a list of integers` };
  if (!ints(d.strides)) return { ok: false, error: `strides ${JSON.stringify(d.strides)} is not a list of integers` };
  if (!Number.isSafeInteger(d.offset)) return { ok: false, error: `offset ${JSON.stringify(d.offset)} is not an integer` };
  if (!Number.isSafeInteger(d.bufferBytes)) return { ok: false, error: `bufferBytes ${JSON.stringify(d.bufferBytes)} is not an integer` };
  const buffer = ints(d.bufferShape) ? (d.bufferShape as number[]).join(', ') + ',' : String(d.bufferBytes);
  return {
    ok: true,
    name: typeof d.name === 'string' ? d.name : null,
    inputs: { dtype: d.dtype, shape: (d.shape as number[]).join(', '), strides: (d.strides as number[]).join(', '), offset: String(d.offset), buffer, unit: d.unit },
  };
}
