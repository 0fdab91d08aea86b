/**
 * Timing: adaptive autorange (as torch.utils.benchmark's) and the statistics every surface
 * shows. Pure: the clock is passed in (performance.now in the worker).
 */
import type { TimingBudget } from './numpyProtocol';

/** The q-quantile with linear interpolation between order statistics (NumPy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Summary {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly iqrMs: number;
  readonly q1Ms: number;
  readonly q3Ms: number;
}

export function summarize(samplesMs: readonly number[]): Summary | null {
  if (samplesMs.length === 0) return null;
  const s = [...samplesMs].sort((a, b) => a - b);
  const q1 = quantile(s, 0.25), q3 = quantile(s, 0.75);
  return { medianMs: quantile(s, 0.5), minMs: s[0]!, maxMs: s[s.length - 1]!, iqrMs: q3 - q1, q1Ms: q1, q3Ms: q3 };
}

/** IQR / median at or above this is a warning (torch.utils.benchmark's threshold). */
export const HIGH_SPREAD = 0.1;

export function spreadWarning(s: Summary): string | null {
  const r = s.iqrMs / s.medianMs;
  return r >= HIGH_SPREAD ? `high spread: IQR is ${(100 * r).toFixed(0)} % of the median (a busy machine?)` : null;
}

export const DEFAULT_BUDGET: TimingBudget = { budgetMs: 1500, minSamples: 5, maxSamples: 50, minBlockMs: 20 };

export interface Measured {
  readonly samplesMs: number[];
  readonly callsPerSample: number;
}

/**
 * Warm up, double the calls per block until a block lasts `minBlockMs`, then time blocks
 * until the spread settles (IQR/median below HIGH_SPREAD after minSamples) or the budget is
 * spent, never more than maxSamples. `shouldStop` is polled between blocks.
 */
export function autorange(fn: () => void, now: () => number, budget: TimingBudget = DEFAULT_BUDGET, shouldStop: () => boolean = () => false): Measured {
  fn(); // warm-up: first call compiles and faults pages in
  let calls = 1;
  let blockMs: number;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < calls; i++) fn();
    blockMs = now() - t0;
    if (blockMs >= budget.minBlockMs || calls >= 1 << 20) break;
    calls *= blockMs > 0 ? Math.min(16, Math.max(2, Math.ceil(budget.minBlockMs / blockMs))) : 16;
  }
  const samplesMs: number[] = [blockMs / calls];
  const start = now();
  while (samplesMs.length < budget.maxSamples && !shouldStop()) {
    if (samplesMs.length >= budget.minSamples) {
      const s = summarize(samplesMs)!;
      if (s.iqrMs / s.medianMs < HIGH_SPREAD || now() - start >= budget.budgetMs) break;
    }
    const t0 = now();
    for (let i = 0; i < calls; i++) fn();
    samplesMs.push((now() - t0) / calls);
  }
  return { samplesMs, callsPerSample: calls };
}
