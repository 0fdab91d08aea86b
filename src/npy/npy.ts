/**
 * Opening a `.npy` array and reading pages of its values on demand.
 */
import { clipPage, pageAddresses, scalarDecoder, type Page, type PageSpec, type Scalar } from '../engine/gather';
import { layoutError, type Layout } from '../engine/layout';
import type { Result } from '../engine/report';
import { pickleError, readNpyHeader, truncationError, type HeaderOptions, type NpyHeader } from './format';
import { readRanges, type ByteRange, type ByteSource } from './source';

/** An opened array: its checked header and where its bytes come from. Plain data. */
export interface NpyArray {
  readonly name: string;
  readonly header: NpyHeader;
  readonly source: ByteSource;
}

/** Open a `.npy` source: read and check the header (never the data); refuse object arrays and truncated data. */
export async function openNpy(src: ByteSource, opts: HeaderOptions = {}): Promise<Result<NpyArray>> {
  const name = opts.name ?? 'array';
  const h = await readNpyHeader(src, opts);
  if (!h.ok) return h;
  if (h.value.dtype.needsPickle) return { ok: false, error: `${name}: ${pickleError(h.value)}` };
  const trunc = truncationError(h.value, src.size);
  if (trunc) return { ok: false, error: `${name}: ${trunc}` };
  return { ok: true, value: { name, header: h.value, source: src } };
}

/** Ranges closer than this are read as one (fewer reads beat fewer bytes up to here). */
const MERGE_GAP = 4096;

/**
 * Read a page of an array, or of a view of it (`view`: a layout over the same data bytes,
 * offset relative to the first data byte; default the array itself). Only the bytes of the
 * page's elements are read (nearby ranges merged). Requests larger than the axes are clipped.
 */
export async function readPage(arr: NpyArray, spec: PageSpec, view?: Layout): Promise<Result<Page>> {
  const l = view ?? arr.header.layout;
  const err = layoutError(l);
  if (err) return { ok: false, error: `${arr.name}: ${err}` };
  if (l.itemsize !== arr.header.dtype.itemsize) return { ok: false, error: `${arr.name}: view itemsize ${l.itemsize} differs from the dtype's ${arr.header.dtype.itemsize}` };
  const p = clipPage(l, spec);
  const addrs = pageAddresses(l, p);
  if (!addrs.ok) return { ok: false, error: `${arr.name}: ${addrs.error}` };
  const itemsize = l.itemsize;
  const dataBytes = Number(arr.header.nbytes);
  for (const a of addrs.value) {
    if (a < 0 || a + itemsize > dataBytes) return { ok: false, error: `${arr.name}: the view reads bytes ${a}…${a + itemsize} outside the ${dataBytes} data bytes` };
  }
  // Merge the addresses into ranges; page addresses are usually ascending already (no sort then).
  const a = addrs.value;
  let ascending = true;
  for (let k = 1; k < a.length && ascending; k++) ascending = a[k]! >= a[k - 1]!;
  const order = ascending ? null : a.map((_, k) => k).sort((x, y) => a[x]! - a[y]!);
  const ranges: { offset: number; length: number }[] = [];
  const rangeOf = new Int32Array(a.length);
  for (let n = 0; n < a.length; n++) {
    const k = order ? order[n]! : n;
    const at = a[k]!;
    const last = ranges[ranges.length - 1];
    if (last && at <= last.offset + last.length + MERGE_GAP) last.length = Math.max(last.length, at + itemsize - last.offset);
    else ranges.push({ offset: at, length: itemsize });
    rangeOf[k] = ranges.length - 1;
  }
  let chunks: Uint8Array[];
  try {
    const fileRanges: ByteRange[] = ranges.map((r) => ({ offset: arr.header.dataOffset + r.offset, length: r.length }));
    chunks = await readRanges(arr.source, fileRanges);
  } catch (e) {
    return { ok: false, error: `${arr.name}: cannot read: ${e instanceof Error ? e.message : String(e)}` };
  }
  for (const [k, c] of chunks.entries()) {
    if (c.length < ranges[k]!.length) return { ok: false, error: `${arr.name}: file ended early: wanted ${ranges[k]!.length} bytes at ${arr.header.dataOffset + ranges[k]!.offset}, got ${c.length}` };
  }
  const decode = scalarDecoder(arr.header.dtype);
  const views = chunks.map((c) => new DataView(c.buffer, c.byteOffset, c.byteLength));
  const values = new Array<Scalar>(a.length);
  for (let k = 0; k < a.length; k++) {
    const r = rangeOf[k]!;
    values[k] = decode(views[r]!, chunks[r]!, a[k]! - ranges[r]!.offset);
  }
  return { ok: true, value: { rowStart: p.rowStart, colStart: p.colStart, rows: p.rowCount, cols: p.colCount, values } };
}
