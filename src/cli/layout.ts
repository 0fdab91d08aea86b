/**
 * `stride-lens layout`: analyse one strided view from the command line.
 *
 *   stride-lens layout --dtype float32 --shape 26,26,3,3 --strides 112,4,112,4 --base-shape 28,28
 *
 * Strides and offset are bytes (NumPy) unless `--torch` says elements (PyTorch). Extents and
 * bytes past the end are always bytes. `--json` prints exactly the documented keys:
 * unit, size, extent {low, high}, inBounds, bytesPastEnd, firstOutOfBoundsIndex, cContiguous,
 * fContiguous, internalOverlap (true | false | "too-hard"), overlapWitness, dims[] {size,
 * stride, strideInElements, explanation}. Integers past 2^53 are printed as decimal strings.
 * Exit status: 0 analysed (even when out of bounds), 2 bad usage or bad input.
 */
import { parseDtype } from '../engine/dtype';
import { cStrides, elementCount, type Layout } from '../engine/layout';
import type { MaxWork } from '../engine/overlap';
import { parseInteger, parseIntTuple } from '../engine/parse';
import { analyzeLayout, DEFAULT_MAX_WORK, jsonInteger, type LayoutReport, type Result } from '../engine/report';
import { torchAsStrided, torchToLayout } from '../engine/torch';

const USAGE = `usage: stride-lens layout (--itemsize N | --dtype NAME) --shape A,B,… --strides A,B,…
                          [--offset N] [--nbytes N | --base-shape A,B,…] [--torch] [--json] [--max-work N|exact|bounds]

  --itemsize N      bytes per element            --dtype NAME   a NumPy dtype (float32, <i8, complex64, …)
  --shape           view shape                   --strides      view strides (bytes; elements with --torch)
  --offset N        offset of element [0,…,0] from the buffer start (bytes; elements with --torch)
  --nbytes N        buffer size in bytes         --base-shape   the buffer is a C-ordered array of this shape
  --torch           PyTorch units: strides and offset in elements (torch.as_strided)
  --json            machine-readable output      --max-work     overlap solver budget (default ${DEFAULT_MAX_WORK})`;

interface Options {
  itemsize: number;
  shape: number[];
  strides: number[];
  offset: number;
  nbytes?: bigint;
  baseShape?: number[];
  torch: boolean;
  json: boolean;
  maxWork: MaxWork;
}

/** NumPy's NPY_MAXDIMS (64 since 2.0; 32 before, where larger views fail in NumPy itself). */
const MAX_DIMS = 64;

const VALUED = new Set(['--itemsize', '--dtype', '--shape', '--strides', '--offset', '--nbytes', '--base-shape', '--max-work']);
const FLAGS = new Set(['--torch', '--json', '--help', '-h']);

/** Parse `layout`'s arguments; errors name the option and the bad value. */
export function parseLayoutArgs(args: readonly string[]): Result<Options | 'help'> {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    let v: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    if (FLAGS.has(a)) {
      if (v !== undefined) return { ok: false, error: `${a} is a flag and takes no value ('${args[i]}'): give ${a} or leave it out` };
      flags.add(a);
      continue;
    }
    if (!VALUED.has(a)) return { ok: false, error: `unknown option '${a}'` };
    if (v === undefined) {
      v = args[++i];
      // `--itemsize --shape 3`: the next option is not this one's value.
      if (v === undefined || /^--[a-z]/.test(v)) return { ok: false, error: `${a} needs a value` };
    }
    values.set(a, v);
  }
  if (flags.has('--help') || flags.has('-h')) return { ok: true, value: 'help' };
  let itemsize: number;
  const dtype = values.get('--dtype');
  const item = values.get('--itemsize');
  if (dtype !== undefined && item !== undefined) return { ok: false, error: 'give --itemsize or --dtype, not both' };
  if (dtype !== undefined) {
    const d = parseDtype(dtype.trim());
    if (!d.ok) return { ok: false, error: `--dtype '${dtype}': ${d.error}` };
    if (d.value.itemsize <= 0) return { ok: false, error: `--dtype '${dtype}' has itemsize 0: a view needs elements of at least one byte (as --itemsize does)` };
    itemsize = d.value.itemsize;
  } else if (item !== undefined) {
    const n = parseInteger(item, '--itemsize');
    if (!n.ok) return n;
    if (n.value <= 0) return { ok: false, error: `--itemsize ${n.value} must be positive` };
    itemsize = n.value;
  } else return { ok: false, error: 'missing --itemsize N or --dtype NAME' };
  const shapeText = values.get('--shape');
  const stridesText = values.get('--strides');
  if (shapeText === undefined) return { ok: false, error: 'missing --shape' };
  if (stridesText === undefined) return { ok: false, error: 'missing --strides' };
  const shape = parseIntTuple(shapeText, '--shape');
  if (!shape.ok) return shape;
  if (shape.value.length > MAX_DIMS) return { ok: false, error: `--shape has ${shape.value.length} dimensions; NumPy allows at most ${MAX_DIMS}` };
  const badDim = shape.value.findIndex((n) => n < 0);
  if (badDim >= 0) return { ok: false, error: `--shape: ${shape.value[badDim]} at position ${badDim + 1} is negative` };
  const strides = parseIntTuple(stridesText, '--strides');
  if (!strides.ok) return strides;
  if (strides.value.length !== shape.value.length) {
    return { ok: false, error: `--strides has ${strides.value.length} values but --shape has ${shape.value.length}: shape (${shape.value.join(', ')}), strides (${strides.value.join(', ')})` };
  }
  const offset = values.has('--offset') ? parseInteger(values.get('--offset')!, '--offset') : { ok: true as const, value: 0 };
  if (!offset.ok) return offset;
  const opts: Options = { itemsize, shape: shape.value, strides: strides.value, offset: offset.value, torch: flags.has('--torch'), json: flags.has('--json'), maxWork: DEFAULT_MAX_WORK };
  if (values.has('--nbytes') && values.has('--base-shape')) return { ok: false, error: 'give --nbytes or --base-shape, not both' };
  if (values.has('--nbytes')) {
    const t = values.get('--nbytes')!.trim();
    if (!/^\d+$/.test(t)) return { ok: false, error: `--nbytes: '${t}' is not a non-negative integer` };
    opts.nbytes = BigInt(t);
  }
  if (values.has('--base-shape')) {
    const b = parseIntTuple(values.get('--base-shape')!, '--base-shape');
    if (!b.ok) return b;
    if (b.value.length > MAX_DIMS) return { ok: false, error: `--base-shape has ${b.value.length} dimensions; NumPy allows at most ${MAX_DIMS}` };
    const bad = b.value.findIndex((n) => n < 0);
    if (bad >= 0) return { ok: false, error: `--base-shape: ${b.value[bad]} at position ${bad + 1} is negative` };
    opts.baseShape = b.value;
    opts.nbytes = elementCount({ shape: b.value }) * BigInt(itemsize);
  }
  const mw = values.get('--max-work');
  if (mw !== undefined) {
    if (mw === 'exact' || mw === 'bounds') opts.maxWork = mw;
    else if (/^\s*\d+\s*$/.test(mw) && !Number.isSafeInteger(Number(mw))) {
      opts.maxWork = Number.MAX_SAFE_INTEGER; // a budget past 2^53 steps is no budget: it cannot run out
    } else {
      const n = parseInteger(mw, '--max-work');
      if (!n.ok) return { ok: false, error: `--max-work: '${mw}' is not 'exact', 'bounds' or a non-negative integer` };
      if (n.value < 0) return { ok: false, error: `--max-work ${n.value} is negative` };
      opts.maxWork = n.value;
    }
  }
  return { ok: true, value: opts };
}

/** The JSON document of `layout --json` (strides in the unit asked for). */
export function layoutJson(r: LayoutReport, unit: 'bytes' | 'elements'): Record<string, unknown> {
  const w = r.overlapWitness;
  return {
    unit,
    size: jsonInteger(r.size),
    extent: { low: jsonInteger(r.extent.low), high: jsonInteger(r.extent.high) },
    inBounds: r.inBounds,
    bytesPastEnd: jsonInteger(r.bytesPastEnd),
    firstOutOfBoundsIndex: r.firstOutOfBoundsIndex,
    cContiguous: r.cContiguous,
    fContiguous: r.fContiguous,
    internalOverlap: r.internalOverlap,
    overlapWitness: w ? { first: w.first, second: w.second, byte: jsonInteger(w.byte) } : null,
    dims: r.dims.map((d) => ({
      size: d.size,
      stride: unit === 'elements' ? d.strideInElements : d.stride,
      strideInElements: d.strideInElements,
      explanation: d.explanation,
    })),
  };
}

const tuple = (xs: readonly (number | bigint)[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`);

function layoutText(r: LayoutReport, o: Options, torchError: string | null): string {
  const unit = o.torch ? 'elements' : 'bytes';
  const l = r.layout;
  const shownStrides = o.torch ? o.strides : l.strides;
  const lines = [
    `view ${tuple(l.shape)} · strides ${tuple(shownStrides)} ${o.torch ? 'elements' : 'B'} · offset ${o.offset} ${o.torch ? 'elements' : 'B'} · itemsize ${l.itemsize} B  [units: ${unit}${o.torch ? ', PyTorch' : ', NumPy'}]`,
    `elements    ${r.size} (${r.viewBytes} B)`,
  ];
  const ext = r.extent.low === r.extent.high ? 'empty (no bytes read)' : `bytes [${r.extent.low}, ${r.extent.high})`;
  if (r.nbytes === null) lines.push(`extent      ${ext}; no buffer size given (--nbytes or --base-shape) so bounds are not checked`);
  else if (r.inBounds) lines.push(`extent      ${ext} of ${r.nbytes} ✓ in bounds`);
  else {
    const parts = [];
    if (r.bytesPastEnd > 0n) parts.push(`${r.bytesPastEnd} B past the end`);
    if (r.bytesBeforeStart > 0n) parts.push(`${r.bytesBeforeStart} B before the start`);
    lines.push(`extent      ${ext} of ${r.nbytes} ⚠ reads ${parts.join(' and ')} of the buffer; first index out: [${r.firstOutOfBoundsIndex!.join(', ')}]`);
  }
  lines.push(`contiguous  C ${r.cContiguous ? 'yes' : 'no'} · F ${r.fContiguous ? 'yes' : 'no'}`);
  const w = r.overlapWitness;
  lines.push(`overlap     ${r.internalOverlap === 'too-hard' ? 'undecided: too hard within --max-work' : r.internalOverlap && w ? `yes: [${w.first.join(', ')}] and [${w.second.join(', ')}] both read byte ${w.byte}` : 'no: every element has its own bytes'}`);
  if (torchError) lines.push(`torch       torch.as_strided would raise: ${torchError}`);
  lines.push('dims');
  r.dims.forEach((d, k) => {
    const stride = o.torch ? `${d.strideInElements} el (${d.stride} B)` : `${d.stride} B${d.strideInElements === null ? '' : ` (${d.strideInElements} el)`}`;
    lines.push(`  ${k}  size ${d.size}  stride ${stride}  ${d.explanation}`);
  });
  if (r.explanation?.requirement) lines.push(r.explanation.requirement);
  for (const over of r.explanation?.overruns ?? []) lines.push(`⚠ ${over.text}`);
  return lines.join('\n');
}

/** Run `stride-lens layout` with `args`, writing to `out`/`err`; returns the exit status. */
export function runLayout(args: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const parsed = parseLayoutArgs(args);
  if (!parsed.ok) {
    err(`stride-lens layout: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.value === 'help') { out(USAGE); return 0; }
  const o = parsed.value;
  let layout: Layout = { shape: o.shape, strides: o.strides, offset: o.offset, itemsize: o.itemsize };
  let torchError: string | null = null;
  if (o.torch) {
    const bytes = torchToLayout({ size: o.shape, stride: o.strides, storageOffset: o.offset, itemsize: o.itemsize });
    if (!bytes.ok) { err(`stride-lens layout: ${bytes.error}`); return 2; }
    layout = bytes.value;
    if (o.nbytes !== undefined) {
      const t = torchAsStrided(o.nbytes, o.itemsize, o.shape, o.strides, o.offset);
      if (!t.ok) torchError = t.error;
    }
  }
  const source = o.baseShape ? { name: 'base', shape: o.baseShape, strides: cStrides(o.baseShape, o.itemsize), itemsize: o.itemsize } : undefined;
  const r = analyzeLayout({ ...layout, maxWork: o.maxWork, ...(o.nbytes === undefined ? {} : { nbytes: o.nbytes }), ...(source ? { source } : {}) });
  if (!r.ok) { err(`stride-lens layout: ${r.error}`); return 2; }
  out(o.json ? JSON.stringify(layoutJson(r.value, o.torch ? 'elements' : 'bytes'), null, 2) : layoutText(r.value, o, torchError));
  return 0;
}
