/**
 * Turning the reader's values into what the viewer webview gets: JSON-safe text and colour
 * numbers per cell (webview messages are JSON, so no bigint, NaN or Infinity cross as such).
 * Texts are the engine's `formatScalar` (NumPy's `str()` of each scalar).
 * Pure: no vscode, no node; the viewer's host and the notebook renderer both answer page
 * requests with `readPageData`.
 */
import { descrToPython, type Dtype } from '../engine/dtype';
import { formatScalar, scalarToNumber } from '../engine/format';
import type { Page, Scalar } from '../engine/gather';
import type { Layout } from '../engine/layout';
import type { Result } from '../engine/report';
import { toCellValue, type NpyArrayInfo, type NpyCellValue, type NpyPageData, type NpyRequests } from '../protocol';
import type { NpyHeader } from './format';
import { readPage, type NpyArray } from './npy';

/** Whether values of `d` have a number (for colours and statistics). */
export function isNumeric(d: Dtype): boolean {
  return !d.fields && !d.subarray && (d.kind === 'b' || d.kind === 'i' || d.kind === 'u' || d.kind === 'f' || d.kind === 'c');
}

/** The colour number of a scalar: the value, |z| for complex, `null` for non-numeric types. */
export function scalarValue(v: Scalar, d: Dtype): NpyCellValue {
  return isNumeric(d) ? toCellValue(scalarToNumber(v)) : null;
}

/** A page as JSON-safe texts and colour values; texts are left out when `withText` is false, per-field texts added with `fields`. */
export function encodePage(p: Page, d: Dtype, withText = true, fields = false): NpyPageData {
  const leaves = fields && d.fields ? leafFields(d) : null;
  return {
    rowStart: p.rowStart,
    colStart: p.colStart,
    rows: p.rows,
    cols: p.cols,
    texts: withText ? p.values.map((v) => formatScalar(d, v)) : [],
    values: p.values.map((v) => scalarValue(v, d)),
    ...(leaves ? { fields: { names: leaves.map((l) => l.name), texts: p.values.map((v) => leaves.map((l) => formatScalar(l.dtype, l.get(v)))) } } : {}),
  };
}

/** The leaf fields of a structured dtype, nested names joined with dots (`pos.x`); a sub-array field is one leaf. */
export function leafFields(d: Dtype, prefix = ''): { name: string; dtype: Dtype; get: (v: Scalar) => Scalar }[] {
  const out: { name: string; dtype: Dtype; get: (v: Scalar) => Scalar }[] = [];
  for (const f of d.fields ?? []) {
    const name = `${prefix}${f.name}`;
    const get = (v: Scalar) => (v as Record<string, Scalar>)[f.name]!;
    if (f.dtype.fields) for (const l of leafFields(f.dtype, `${name}.`)) out.push({ name: l.name, dtype: l.dtype, get: (v) => l.get(get(v)) });
    else out.push({ name, dtype: f.dtype, get });
  }
  return out;
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

/** Most cells one page request may ask for (a 256 × 256 heatmap sample). */
export const MAX_PAGE_CELLS = 65536;

/** Answer a viewer's page request over `arr`: the page's values as JSON-safe cells. */
export async function readPageData(arr: NpyArray, params: Omit<NpyRequests['page']['params'], 'member'>): Promise<Result<NpyPageData>> {
  const { view, spec, withText, fields } = params;
  const cells = spec.rowCount * spec.colCount;
  if (!(cells <= MAX_PAGE_CELLS)) return { ok: false, error: `a page of ${spec.rowCount} × ${spec.colCount} cells is more than the ${MAX_PAGE_CELLS} one request may read` };
  const page = await readPage(arr, spec, view as Layout);
  if (!page.ok) return page;
  return { ok: true, value: encodePage(page.value, arr.header.dtype, withText, fields) };
}
