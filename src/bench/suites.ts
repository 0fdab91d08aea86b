/**
 * A suite at one size: its inputs (filled by ./inputs.ts), its variants and what each
 * computes. The first variant of each output kind is the naive one, the reference the others
 * are checked against; the `copy` kind's reference is the input itself. Pure.
 */
import { asStrided, slidingWindowView, poolingView } from '../engine/views';
import type { Layout } from '../engine/layout';
import { fillInput, WEIGHT_SEED } from './inputs';
import * as k from './kernels';
import type { SuiteParams } from './sizes';
import type { OutputKind } from './types';

export interface Variant {
  /** Final after `tune` (the blocked transpose names the tile it chose). */
  readonly name: string;
  readonly computes: OutputKind;
  readonly engine: 'node' | 'wasm';
  /** Bytes read + written per call (input once + output once), memory-bound variants. */
  readonly bytes: number | null;
  /** Multiply-adds per call, compute-bound variants. */
  readonly macs: number | null;
  run(): void;
  /** The output of the last run. */
  output(): ArrayLike<number>;
  /** A short search for a parameter (the tile), timed with `now`, before verification. */
  tune?(now: () => number): void;
}

export interface SuiteInstance {
  readonly params: SuiteParams;
  readonly variants: Variant[];
  /** Elements of the input, for the `copy` kind's reference. */
  readonly input: Float32Array;
  /** conv2d's weights (3×3×C×F). */
  readonly weights?: Float32Array;
}

/** Largest |a - b| allowed for one element of an output of this kind, given the reference value. */
export function tolerance(kind: OutputKind, params: SuiteParams, ref: number): number {
  switch (kind) {
    case 'copy': case 'transpose': case 'pool': case 'rolling-max': case 'view': return 0;
    // float32 products accumulated in float32 (NumPy's matmul) or float64 (ours): error grows with the taps
    case 'conv': return 1e-5 * (params.suite === 'conv2d' ? 9 * params.p.c : 1) * (1 + Math.abs(ref));
    // different summation orders over up to 2^28 float32 values
    case 'sum': return 1e-6 * (1 + Math.abs(ref)) + 1e-9 * (params.suite === 'transpose' ? params.p.rows * params.p.cols : 1);
    case 'rolling-sum': return 1e-5 * (params.suite === 'window' ? params.p.w : 1) * (1 + Math.abs(ref));
  }
}

/** Element strides of a view over a float32 buffer (the engine works in bytes). */
function elements(l: Layout): { shape: number[]; strides: number[]; offset: number } {
  return { shape: [...l.shape], strides: l.strides.map((s) => s / l.itemsize), offset: l.offset / l.itemsize };
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const F32 = 4;

function variant(v: Omit<Variant, 'engine'> & { engine?: 'node' | 'wasm' }): Variant {
  return Object.assign(v, { engine: v.engine ?? 'node' }) as Variant;
}

export function makeSuite(params: SuiteParams): SuiteInstance {
  switch (params.suite) {
    case 'conv2d': {
      const { h, w, c, f } = params.p;
      const ho = h - 2, wo = w - 2;
      const img = fillInput(new Float32Array(h * w * c));
      const wt = fillInput(new Float32Array(9 * c * f), WEIGHT_SEED);
      const macs = ho * wo * f * 9 * c;
      const out = new Float32Array(ho * wo * f);
      // im2col through the seed's strided view: (Ho, Wo, 3, 3, C) over the H×W×C image.
      const image: Layout = { shape: [h, w, c], strides: [w * c * F32, c * F32, F32], offset: 0, itemsize: F32 };
      const view = elements(unwrap(asStrided(image, [ho, wo, 3, 3, c], [w * c * F32, c * F32, w * c * F32, c * F32, F32])));
      const patches = new Float32Array(ho * wo * 9 * c);
      return {
        params, input: img, weights: wt,
        variants: [
          variant({ name: 'loops', computes: 'conv', bytes: null, macs, run: () => k.conv2dLoops(img, h, w, c, wt, f, out), output: () => out }),
          variant({
            name: 'im2col view + blocked matmul', computes: 'conv', bytes: null, macs,
            run: () => { k.gather5(img, view.offset, view.shape, view.strides, [2, 3, 4], patches); k.matmulBlocked(patches, wt, out, ho * wo, 9 * c, f); },
            output: () => out,
          }),
          variant({ name: 'direct', computes: 'conv', bytes: null, macs, run: () => k.conv2dDirect(img, h, w, c, wt, f, out), output: () => out }),
        ],
      };
    }
    case 'maxpool': {
      const { c, h, w } = params.p;
      const x = fillInput(new Float32Array(c * h * w));
      const out = new Float32Array(c * (h / 2) * (w / 2));
      const copy = new Float32Array(x.length);
      const row = new Float32Array(w);
      const bytes = (x.length + out.length) * F32;
      const base: Layout = { shape: [c, h, w], strides: [h * w * F32, w * F32, F32], offset: 0, itemsize: F32 };
      const view = elements(unwrap(poolingView(base, [2, 2])));
      return {
        params, input: x,
        variants: [
          variant({ name: 'copy (baseline)', computes: 'copy', bytes: 2 * x.length * F32, macs: null, run: () => copy.set(x), output: () => copy }),
          variant({ name: 'loops', computes: 'pool', bytes, macs: null, run: () => k.maxpoolLoops(x, c, h, w, out), output: () => out }),
          variant({ name: 'windows view .max', computes: 'pool', bytes, macs: null, run: () => k.maxOverWindows(x, view.offset, view.shape, view.strides, out), output: () => out }),
          variant({ name: 'row pairs (two contiguous passes)', computes: 'pool', bytes, macs: null, run: () => k.maxpoolRowPairs(x, c, h, w, out, row), output: () => out }),
        ],
      };
    }
    case 'transpose': {
      const { rows, cols } = params.p;
      const a = fillInput(new Float32Array(rows * cols));
      const dst = new Float32Array(rows * cols);
      const copy = new Float32Array(rows * cols);
      const bytes = 2 * a.length * F32;
      const sum = new Float64Array(1);
      let tile = 32;
      return {
        params, input: a,
        variants: [
          variant({ name: 'copy (baseline)', computes: 'copy', bytes, macs: null, run: () => copy.set(a), output: () => copy }),
          variant({ name: 'naive transpose', computes: 'transpose', bytes, macs: null, run: () => k.transposeNaive(a, dst, rows, cols), output: () => dst }),
          {
            get name() { return `blocked transpose (tile ${tile})`; },
            computes: 'transpose', engine: 'node', bytes, macs: null,
            run: () => k.transposeBlocked(a, dst, rows, cols, tile),
            output: () => dst,
            tune(now: () => number) { tile = sweepTile((t) => k.transposeBlocked(a, dst, rows, cols, t), now); },
          },
          variant({ name: 'C-order traversal (sum)', computes: 'sum', bytes: a.length * F32, macs: null, run: () => { sum[0] = k.sumCOrder(a, rows, cols); }, output: () => sum }),
          variant({ name: 'F-order traversal (sum)', computes: 'sum', bytes: a.length * F32, macs: null, run: () => { sum[0] = k.sumFOrder(a, rows, cols); }, output: () => sum }),
        ],
      };
    }
    case 'window': {
      const { n, w } = params.p;
      const x = fillInput(new Float32Array(n));
      const windows = n - w + 1;
      const sums = new Float64Array(windows);
      const maxes = new Float32Array(windows);
      const copy = new Float32Array(n);
      const deque = new Int32Array(w + 1);
      const signal: Layout = { shape: [n], strides: [F32], offset: 0, itemsize: F32 };
      const view = elements(unwrap(slidingWindowView(signal, [w])));
      const [s0, s1] = view.strides as [number, number];
      return {
        params, input: x,
        variants: [
          variant({ name: 'copy (baseline)', computes: 'copy', bytes: 2 * n * F32, macs: null, run: () => copy.set(x), output: () => copy }),
          variant({ name: 'windows view sum', computes: 'rolling-sum', bytes: n * F32 + windows * 8, macs: null, run: () => k.rollingSumWindows(x, windows, w, s0, s1, sums), output: () => sums }),
          variant({ name: 'running sum', computes: 'rolling-sum', bytes: n * F32 + windows * 8, macs: null, run: () => k.rollingSumRunning(x, w, sums), output: () => sums }),
          variant({ name: 'windows view max', computes: 'rolling-max', bytes: (n + windows) * F32, macs: null, run: () => k.rollingMaxWindows(x, windows, w, s0, s1, maxes), output: () => maxes }),
          variant({ name: 'running max (monotonic deque)', computes: 'rolling-max', bytes: (n + windows) * F32, macs: null, run: () => k.rollingMaxDeque(x, w, maxes, deque), output: () => maxes }),
        ],
      };
    }
  }
}

/** Tiles tried by the blocked transpose's sweep. */
export const TILES = [8, 16, 32, 64, 128, 256];

/** The tile whose best of three calls is fastest. */
export function sweepTile(run: (tile: number) => void, now: () => number, tiles: readonly number[] = TILES): number {
  let best = tiles[0]!, bestMs = Infinity;
  for (const t of tiles) {
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = now();
      run(t);
      ms = Math.min(ms, now() - t0);
    }
    if (ms < bestMs) { bestMs = ms; best = t; }
  }
  return best;
}
