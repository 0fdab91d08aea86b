/**
 * Explanations of a view in terms of the array it was made from.
 *
 * Each view stride is written as whole steps along the source's axes ("s[0]·2 = 2 rows of
 * image = 224 B"), the view's first element as a source index, and from those the range of
 * source indices the view walks along each source axis. That range gives
 * - what the view requires of a source whose shape is unknown ("needs image.shape ≥ (28, 28)"),
 * - windows that run past the end of a source axis into the next row (a wrap): still inside
 *   the buffer, so NumPy reads real pixels, but the wrong ones.
 * Everything is plain data; `text` fields are ready for hovers and code lenses.
 */
import { elementCount, extent, layoutError, type Layout } from './layout';
import type { Result } from './report';

/** The array a view was made from: its strides (bytes), and its shape when known. */
export interface SourceArray {
  /** Name used in sentences, e.g. `image`; `the source` when absent. */
  readonly name?: string;
  /** `null` when only the strides are known (e.g. a function parameter). */
  readonly shape: readonly number[] | null;
  readonly strides: readonly number[];
  /** Byte offset of the source's element [0, …, 0] in the buffer; 0 when absent. */
  readonly offset?: number;
  readonly itemsize: number;
}

/** `steps` whole steps along source axis `axis`: a stride is the sum of such terms times the source strides. */
export interface StrideTerm {
  readonly axis: number;
  readonly steps: number;
}

export interface DimExplanation {
  readonly dim: number;
  readonly stride: number;
  /** The stride as steps along source axes, or `null` when no whole-step combination gives it. */
  readonly terms: readonly StrideTerm[] | null;
  /** E.g. `s[0]·2 = 2 rows of image = 224 B`. */
  readonly text: string;
}

/** A view that walks past the end (or before the start) of a source axis. */
export interface AxisOverrun {
  /** Source axis that is overrun. */
  readonly axis: number;
  /** View dimensions whose steps move along that axis. */
  readonly dims: readonly number[];
  /** Range of indices reached along the axis (inclusive), and the axis length. */
  readonly low: number;
  readonly high: number;
  readonly size: number;
  /** True when every byte stays inside the source's buffer: a silent wrap into the next row, not a crash. */
  readonly insideBuffer: boolean;
  readonly text: string;
}

export interface ViewExplanation {
  readonly source: string;
  readonly dims: readonly DimExplanation[];
  /** The view's element [0, …, 0] as a source index, or `null` when it is not one. */
  readonly start: readonly number[] | null;
  /** Smallest source shape that holds the view without wrapping, or `null` when not derivable (negative reach, no decomposition). */
  readonly requiredShape: readonly number[] | null;
  /** E.g. `needs image.shape ≥ (28, 28)`. */
  readonly requirement: string | null;
  /** Source axes the view overruns (only when the source shape is known). */
  readonly overruns: readonly AxisOverrun[];
}

/** The noun for one step along `axis` of an `nd`-dimensional source. */
export function axisNoun(axis: number, nd: number, count: number): string {
  const plural = Math.abs(count) !== 1;
  if (nd === 1) return plural ? 'elements' : 'element';
  if (axis === nd - 1) return plural ? 'columns' : 'column';
  if (axis === nd - 2) return plural ? 'rows' : 'row';
  return plural ? `steps along axis ${axis}` : `step along axis ${axis}`;
}

/** Write `value` (bytes) as whole steps along the source strides, largest stride first; `null` when impossible. */
export function decompose(value: number, strides: readonly number[]): StrideTerm[] | null {
  const order = [...strides.keys()].filter((k) => strides[k] !== 0).sort((p, q) => Math.abs(strides[q]!) - Math.abs(strides[p]!) || p - q);
  let rest = value;
  const terms: StrideTerm[] = [];
  for (const k of order) {
    const s = strides[k]!;
    const c = Math.trunc(rest / s);
    if (c !== 0) { terms.push({ axis: k, steps: c }); rest -= c * s; }
  }
  if (rest !== 0) return null;
  return terms.sort((p, q) => p.axis - q.axis);
}

function termText(terms: readonly StrideTerm[], nd: number, name: string, bytes: number): string {
  if (terms.length === 0) return `0 = the same element again (broadcast) = 0 B`;
  const formula = terms.map((t) => `${t.steps < 0 ? '−' : ''}s[${t.axis}]${Math.abs(t.steps) === 1 ? '' : `·${Math.abs(t.steps)}`}`).join(' + ').replace('+ −', '− ');
  const words = terms.map((t) => `${t.steps < 0 ? 'back ' : ''}${Math.abs(t.steps)} ${axisNoun(t.axis, nd, t.steps)}`).join(' and ');
  return `${formula} = ${words} of ${name} = ${bytes} B`;
}

const tuple = (xs: readonly number[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`);

/** Explain each stride of `view` in the source's axes, what the view needs of the source, and where it runs past a source axis. */
export function explainView(view: Layout, source: SourceArray): Result<ViewExplanation> {
  const err = layoutError(view);
  if (err) return { ok: false, error: err };
  const nd = source.strides.length;
  if (source.shape && source.shape.length !== nd) {
    return { ok: false, error: `source shape ${tuple(source.shape)} has ${source.shape.length} dimensions but its strides ${tuple(source.strides)} have ${nd}` };
  }
  const name = source.name ?? 'the source';
  const dims: DimExplanation[] = view.strides.map((s, d) => {
    const terms = decompose(s, source.strides);
    const text = terms ? termText(terms, nd, name, s) : `${s} B is not a whole number of steps along ${name}'s axes (strides ${tuple(source.strides)})`;
    return { dim: d, stride: s, terms, text };
  });
  const start = decompose(view.offset - (source.offset ?? 0), source.strides);
  const base = start ? Array.from({ length: nd }, (_, k) => start.find((t) => t.axis === k)?.steps ?? 0) : null;
  const empty = elementCount(view) === 0n;
  let low: number[] | null = null;
  let high: number[] | null = null;
  if (base && dims.every((d) => d.terms) && !empty) {
    low = [...base];
    high = [...base];
    view.shape.forEach((n, d) => {
      for (const t of dims[d]!.terms!) {
        const reach = t.steps * (n - 1);
        if (reach > 0) high![t.axis]! += reach;
        else low![t.axis]! += reach;
      }
    });
  }
  const requiredShape = low && high && low.every((x) => x >= 0) ? high.map((h) => h + 1) : null;
  const requirement = requiredShape ? `needs ${name}.shape ≥ ${tuple(requiredShape)}` : null;
  const overruns: AxisOverrun[] = [];
  if (source.shape && low && high) {
    const srcLayout: Layout = { shape: source.shape, strides: source.strides, offset: source.offset ?? 0, itemsize: source.itemsize };
    const buffer = extent(srcLayout);
    const reach = extent(view);
    const inside = reach.low >= buffer.low && reach.high <= buffer.high; // every byte read belongs to the source
    for (let k = 0; k < nd; k++) {
      const size = source.shape[k]!;
      if (low[k]! >= 0 && high[k]! < size) continue;
      const movers = dims.filter((d) => d.terms!.some((t) => t.axis === k) && view.shape[d.dim]! > 1).map((d) => d.dim);
      const noun = axisNoun(k, nd, 1);
      const where = high[k]! >= size ? `${noun} index ${high[k]} of ${size}` : `${noun} index ${low[k]} (before the start)`;
      const wrap = k === nd - 1 && nd > 1 ? 'past the end of a row into the next row' : `past the ends of axis ${k} into the next index of axis ${k - 1}`;
      const text = inside
        ? `dims ${movers.join(', ')} together reach ${where} along axis ${k} of ${name}: windows wrap ${wrap} (inside the buffer, but not the elements meant)`
        : `dims ${movers.join(', ')} together reach ${where} along axis ${k} of ${name}, outside its buffer`;
      overruns.push({ axis: k, dims: movers, low: low[k]!, high: high[k]!, size, insideBuffer: inside, text });
    }
  }
  return { ok: true, value: { source: name, dims, start: base, requiredShape, requirement, overruns } };
}
