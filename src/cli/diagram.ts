/**
 * `stride-lens diagram`: which bytes a strided view reads, and how many times, as data
 * (`--json`) or as a standalone SVG picture (`--svg FILE`: the stride diagram, or with
 * `--patches` the patch grid of a window view over a 2-d base).
 *
 *   stride-lens diagram --itemsize 4 --shape 26,26,3,3 --strides 112,4,112,4 --base-shape 28,28 --json
 *
 * Takes the view as `stride-lens layout` does (`--itemsize`/`--dtype`, `--shape`, `--strides`,
 * `--offset`, `--nbytes` or `--base-shape`, `--torch` for PyTorch's element units). `--json`
 * prints exactly `{ unit, buffer {low, high}, range {low, high}, segments [{low, high,
 * readers}], baseReaders? }` (`baseReaders` only with `--base-shape`: nested lists of the
 * base's shape; `"aggregated": true` is added when the view has more than 10^7 indices and the
 * readers are averages per byte). Exit status: 0 drawn, 2 bad usage or a view too large to draw.
 */
import { writeFileSync } from 'node:fs';
import { baseReaders, coverage, windowGeometry, type Coverage } from '../engine/coverage';
import type { Layout } from '../engine/layout';
import { patchGridSvg, strideDiagramSvg } from '../engine/svg';
import { parseLayoutArgs } from './layout';

const USAGE = `usage: stride-lens diagram (--itemsize N | --dtype NAME) --shape A,B,… --strides A,B,…
                           [--offset N] (--nbytes N | --base-shape A,B,…) [--torch]
                           (--json | --svg FILE [--patches])

Which bytes the view reads and how many of its indices read each one:
  --json          the model as data: unit, buffer, range, segments [{low, high, readers}],
                  and baseReaders (per base element) with --base-shape
  --svg FILE      a standalone SVG stride diagram: the buffer with a ruler, coloured by readers,
                  out-of-bounds bytes hatched, each dimension's jump, the view's index grid
  --patches       with --svg: the patch grid instead, for a 4-d window view over a 2-d base
  --torch         strides and offset in elements (torch.as_strided); the picture is in elements`;

/** Nest a flat C-order list into the given shape. */
function nest(flat: ArrayLike<number>, shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  const step = shape.slice(1).reduce((a, n) => a * n, 1);
  const out: unknown[] = [];
  for (let i = 0; i < shape[0]!; i++) {
    const part = Array.prototype.slice.call(flat, i * step, (i + 1) * step) as number[];
    out.push(shape.length === 1 ? part[0] : nest(part, shape.slice(1)));
  }
  return out;
}

/** The JSON document of `diagram --json`. */
export function diagramJson(c: Coverage, base?: { shape: readonly number[]; readers: Uint32Array }): Record<string, unknown> {
  return {
    unit: c.unit,
    buffer: { low: c.buffer.low, high: c.buffer.high },
    range: { low: c.range.low, high: c.range.high },
    segments: c.segments.map((s) => ({ low: s.low, high: s.high, readers: s.readers })),
    ...(base ? { baseReaders: nest(base.readers, base.shape) } : {}),
    ...(c.aggregated ? { aggregated: true } : {}),
  };
}

/** Run `stride-lens diagram`; returns the exit status. */
export function runDiagram(args: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const fail = (msg: string): number => { err(`stride-lens diagram: ${msg}\n\n${USAGE}`); return 2; };
  const rest: string[] = [];
  let svg: string | undefined;
  let patches = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--patches') patches = true;
    else if (a.startsWith('--patches=')) return fail(`--patches is a flag and takes no value ('${a}')`);
    else if (a === '--svg' || a.startsWith('--svg=')) {
      svg = a === '--svg' ? args[++i] : a.slice('--svg='.length);
      if (!svg || svg.startsWith('--')) return fail('--svg needs a FILE');
    } else if (a === '--max-work' || a.startsWith('--max-work=')) return fail(`unknown option '${a.split('=')[0]}'`);
    else rest.push(a);
  }
  const parsed = parseLayoutArgs(rest);
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.value === 'help') { out(USAGE); return 0; }
  const o = parsed.value;
  if (!o.json && svg === undefined) return fail('give --json or --svg FILE');
  if (o.json && svg !== undefined) return fail('give --json or --svg FILE, not both');
  if (patches && svg === undefined) return fail('--patches draws an SVG: give --svg FILE');
  if (o.nbytes === undefined) return fail('a diagram needs the buffer: give --nbytes N or --base-shape A,B,…');
  // Torch: everything in elements (itemsize 1 element); NumPy: bytes.
  const unit = o.torch ? 'elements' : 'bytes';
  const view: Layout = o.torch ? { shape: o.shape, strides: o.strides, offset: o.offset, itemsize: 1 } : { shape: o.shape, strides: o.strides, offset: o.offset, itemsize: o.itemsize };
  const size = o.torch ? o.nbytes / BigInt(o.itemsize) : o.nbytes;
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) return fail(`a buffer of ${size} ${unit} is too large to draw`);
  const cov = coverage(view, Number(size), { unit });
  if (!cov.ok) return fail(cov.error);
  let base: { shape: readonly number[]; readers: Uint32Array } | undefined;
  if (o.baseShape) {
    const r = baseReaders(view, o.baseShape);
    if (!r.ok) return fail(r.error);
    base = { shape: o.baseShape, readers: r.value };
  }
  if (o.json) {
    out(JSON.stringify(diagramJson(cov.value, base), null, 2));
    return 0;
  }
  let picture: string;
  if (patches) {
    const g = o.baseShape ? windowGeometry(view, o.baseShape) : undefined;
    if (!g || !base) return fail('--patches needs a 4-d window view (rows, cols, window rows, window cols) over a 2-d --base-shape, with strides in whole rows and pixels');
    picture = patchGridSvg({ geometry: g, heat: base.readers });
  } else picture = strideDiagramSvg({ view, coverage: cov.value });
  try {
    writeFileSync(svg!, picture);
  } catch (e) {
    return fail(`cannot write ${svg}: ${e instanceof Error ? e.message : String(e)}`);
  }
  err(`stride-lens diagram: wrote ${svg} (${Buffer.byteLength(picture)} bytes)`);
  return 0;
}
