/**
 * The layout report: everything the Layout Playground, `stride-lens layout` and the code
 * lens say about one view, as plain data. JSON-safe through `reportToJson`.
 */
import { bounds, elementCount, extent, isCContiguous, isFContiguous, layoutError, type Layout } from './layout';
import { explainView, type SourceArray, type ViewExplanation } from './explain';
import { internalOverlap, type MaxWork, type OverlapVerdict, type OverlapWitness } from './overlap';

/** Work budget of the self-overlap check when the caller gives none: enough for any real view, and bounded. */
export const DEFAULT_MAX_WORK = 100_000;

export interface LayoutQuery extends Layout {
  /** Size of the buffer the view reads, in bytes; bounds are only checked when given. */
  readonly nbytes?: bigint;
  /** Budget of the self-overlap solver (NumPy's `max_work`); `DEFAULT_MAX_WORK` when absent. */
  readonly maxWork?: MaxWork;
  /** The array the view was made from; when given, each dimension is explained in its axes. */
  readonly source?: SourceArray;
}

export interface DimReport {
  readonly size: number;
  /** Bytes per step. */
  readonly stride: number;
  /** Elements per step, or `null` when the stride is not a multiple of the itemsize. */
  readonly strideInElements: number | null;
  readonly explanation: string;
}

export interface LayoutReport {
  readonly layout: Layout;
  readonly nbytes: bigint | null;
  readonly size: bigint;
  readonly viewBytes: bigint;
  readonly extent: { readonly low: bigint; readonly high: bigint };
  readonly inBounds: boolean | null;
  readonly bytesPastEnd: bigint;
  readonly bytesBeforeStart: bigint;
  readonly firstOutOfBoundsIndex: number[] | null;
  readonly cContiguous: boolean;
  readonly fContiguous: boolean;
  /** Whether two different indices read a common byte (NumPy's internal overlap), or `'too-hard'` within the budget. */
  readonly internalOverlap: OverlapVerdict;
  /** Two indices that read one byte, when `internalOverlap` is `true`. */
  readonly overlapWitness: OverlapWitness | null;
  readonly dims: readonly DimReport[];
  /** The view in the source's terms (stride steps, requirement, wraps), when a source was given. */
  readonly explanation: ViewExplanation | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Analyse a view; a malformed layout gives an error naming the bad value. */
export function analyzeLayout(q: LayoutQuery): Result<LayoutReport> {
  const err = layoutError(q);
  if (err) return { ok: false, error: err };
  if (q.nbytes !== undefined && q.nbytes < 0n) return { ok: false, error: `buffer size ${q.nbytes} is negative` };
  const layout: Layout = { shape: [...q.shape], strides: [...q.strides], offset: q.offset, itemsize: q.itemsize };
  const size = elementCount(layout);
  const b = q.nbytes === undefined ? undefined : bounds(layout, q.nbytes);
  const overlap = internalOverlap(layout, q.maxWork ?? DEFAULT_MAX_WORK);
  if (!overlap.ok) return overlap;
  const explained = q.source ? explainView(layout, q.source) : undefined;
  if (explained && !explained.ok) return explained;
  const explanation = explained?.value ?? null;
  return {
    ok: true,
    value: {
      layout,
      nbytes: q.nbytes ?? null,
      size,
      viewBytes: size * BigInt(layout.itemsize),
      extent: extent(layout),
      inBounds: b ? b.inBounds : null,
      bytesPastEnd: b?.bytesPastEnd ?? 0n,
      bytesBeforeStart: b?.bytesBeforeStart ?? 0n,
      firstOutOfBoundsIndex: b?.firstOutOfBoundsIndex ?? null,
      cContiguous: isCContiguous(layout),
      fContiguous: isFContiguous(layout),
      internalOverlap: overlap.value.verdict,
      overlapWitness: overlap.value.witness,
      dims: layout.shape.map((n, k) => {
        const d = dimReport(n, layout.strides[k]!, layout.itemsize);
        return explanation ? { ...d, explanation: explanation.dims[k]!.text } : d;
      }),
      explanation,
    },
  };
}

function dimReport(size: number, stride: number, itemsize: number): DimReport {
  const inElements = itemsize > 0 && stride % itemsize === 0 ? stride / itemsize : null;
  let explanation: string;
  if (stride === 0) explanation = 'stride 0: every index reads the same bytes (broadcast)';
  else if (inElements === null) explanation = `${stride} B is not a whole number of ${itemsize}-byte elements`;
  else explanation = `${stride < 0 ? 'back ' : ''}${Math.abs(inElements)} element${Math.abs(inElements) === 1 ? '' : 's'} (${Math.abs(stride)} B) per step`;
  return { size, stride, strideInElements: inElements, explanation };
}

/** A bigint as a JSON number when exact, else as a decimal string. */
export function jsonInteger(n: bigint): number | string {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}
