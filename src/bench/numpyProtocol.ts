/**
 * The NumPy bridge: what `python -m stride_lens.bench` (python/stride_lens/bench.py) reads
 * on stdin (one JSON request) and writes on stdout (JSON lines, one message per line, so the
 * host shows progress and can stop it by killing the process). Pure data.
 *
 * Inputs are never sent: both sides fill them by the formula in ./inputs.ts. To check a NumPy
 * variant against our reference, the request names flat indices of each output kind and the
 * bridge answers the values there and the output's sum.
 */
import type { NumpyInfo, OutputKind, SuiteName } from './types';
import type { SuiteParams } from './sizes';

/** Time each variant: warm up, then blocks of calls until the spread settles or the budget ends. */
export interface TimingBudget {
  /** Stop once this many ms were spent timing one variant (at least minSamples are taken). */
  readonly budgetMs: number;
  readonly minSamples: number;
  readonly maxSamples: number;
  /** A block of calls lasts at least this long (calls per block double until it does). */
  readonly minBlockMs: number;
}

export interface SuitesRequest {
  readonly kind: 'suites';
  readonly runs: readonly SuiteParams[];
  /** Per output kind, the flat indices whose values the bridge reports (`check.at`). */
  readonly checkIndices: Partial<Record<OutputKind, readonly number[]>>;
  readonly timing: TimingBudget;
  /** Include pure-Python loop variants (only sensible at small sizes). */
  readonly loops: boolean;
}

/** "Benchmark this view": a strided view over a C-ordered source filled by the input formula. */
export interface ViewRequest {
  readonly kind: 'view';
  /** NumPy type string, e.g. `<f4`. */
  readonly dtype: string;
  readonly sourceShape: readonly number[];
  readonly shape: readonly number[];
  /** Bytes, as `as_strided` takes them, over the C-ordered source. */
  readonly strides: readonly number[];
  /** Byte offset of the view's first element from the source's start. */
  readonly offset: number;
  /** Axes of the view that a window reduction sums over. */
  readonly windowAxes: readonly number[];
  /** The same view over `np.asfortranarray(source)`, when the view is steps along the source's axes. */
  readonly otherOrder: { readonly strides: readonly number[]; readonly offset: number } | null;
  readonly timing: TimingBudget;
}

export type BridgeRequest = SuitesRequest | ViewRequest;

/** Values of one output, to compare with our reference. */
export interface OutputCheck {
  /** Element count of the output. */
  readonly count: number;
  /** Sum of every element, computed in float64. */
  readonly sum: number;
  /** Values at `checkIndices[computes]`, in order (float64 of the output's values). */
  readonly at: readonly number[];
}

export type BridgeMessage =
  | { readonly type: 'machine'; readonly machine: NumpyInfo }
  | {
      readonly type: 'result';
      readonly suite: SuiteName | 'view';
      readonly variant: string; // prefixed `numpy:`
      readonly size: string;
      readonly computes: OutputKind | 'view';
      /** Bytes read + written per call (memory-bound variants), or null. */
      readonly bytes: number | null;
      /** Multiply-adds per call (compute-bound variants), or null. */
      readonly macs: number | null;
      readonly samplesMs: readonly number[];
      readonly callsPerSample: number;
      /** Null for view runs (nothing to compare with) or when the variant failed. */
      readonly check: OutputCheck | null;
      /** Why it was skipped or failed; samplesMs is empty then. */
      readonly note: string | null;
    }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'done' };
