/**
 * Kernel benchmarks (issue 12): the data every part shares — the runner (worker thread),
 * the NumPy bridge (python/stride_lens/bench.py), the CLI (`stride-lens bench`) and the
 * results panel. Pure: no node, no DOM.
 */

export const SUITES = ['conv2d', 'maxpool', 'transpose', 'window'] as const;
export type SuiteName = (typeof SUITES)[number];

/**
 * What a variant computes; variants are checked against the reference (naive) output of the
 * same kind before they are timed. A suite may compute several things (the transpose suite
 * copies, transposes and sums), each kind with its own reference.
 */
export type OutputKind =
  | 'conv' // conv2d output, (H-kh+1) x (W-kw+1) x F, channels last
  | 'pool' // max-pool output, C x H/2 x W/2
  | 'copy' // the input itself (the copy baseline)
  | 'transpose' // a.T, C-contiguous
  | 'sum' // the sum of every element (a scalar)
  | 'rolling-sum' // sums of each window, n - w + 1 values
  | 'rolling-max' // maxima of each window, n - w + 1 values
  | 'view'; // "Benchmark this view": the user's view materialised, reduced or its bytes copied

/** Timing statistics of one variant, milliseconds per call. */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Interquartile range (q3 - q1). */
  readonly iqrMs: number;
  /** Every measurement (one per block, divided by the block's calls), in order. */
  readonly samplesMs: readonly number[];
  /** Calls per timed block. */
  readonly callsPerSample: number;
}

/** One variant's result; `stride-lens bench --json` prints these (without `samplesMs`… see cli). */
export interface BenchResult {
  /** `view`: "Benchmark this view" on a stride call. */
  readonly suite: SuiteName | 'view';
  /** `loops`, `im2col view + blocked matmul`, …; NumPy's are prefixed `numpy:`. */
  readonly variant: string;
  /** `28x28`, `4096x4096`, … */
  readonly size: string;
  readonly computes: OutputKind;
  /** Null when the variant was not timed (not verified, or cancelled). */
  readonly medianMs: number | null;
  readonly minMs: number | null;
  readonly maxMs: number | null;
  readonly iqrMs: number | null;
  readonly samplesMs: readonly number[];
  /** Memory-bound variants: bytes read + written per call / median. */
  readonly gbPerS: number | null;
  /** Compute-bound variants: 2 x multiply-adds per call / median. */
  readonly gflops: number | null;
  /** gbPerS over the copy bandwidth measured in the same run (null for GFLOP/s variants). */
  readonly fractionOfCopy: number | null;
  /** The output equalled the reference within tolerance before timing. */
  readonly verified: boolean;
  /** Why it was not verified or not timed, or a warning (spread too high). */
  readonly note: string | null;
  /** Where it ran: 'node' (one thread), 'wasm' (one thread, SIMD) or 'numpy'. */
  readonly engine: 'node' | 'wasm' | 'numpy';
}

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly platform: string;
  /** Threads our kernels use (1: each variant runs on one worker thread). */
  readonly threads: number;
  /** Null when no Python with NumPy was found (`numpyMessage` says why). */
  readonly numpy: NumpyInfo | null;
  readonly numpyMessage: string | null;
}

export interface NumpyInfo {
  readonly python: string;
  readonly executable: string;
  readonly numpy: string;
  /** BLAS library NumPy links, when NumPy says. */
  readonly blas: string | null;
  /** Threads NumPy's BLAS may use, and where that number comes from. */
  readonly threads: number | null;
  readonly threadsSource: string;
}

export interface BenchRun {
  readonly version: 1;
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly results: readonly BenchResult[];
  /** Copy bandwidth (GB/s) measured in this run, the baseline of every fractionOfCopy. */
  readonly copyGbPerS: number | null;
  readonly cancelled: boolean;
}
