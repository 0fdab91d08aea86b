/**
 * Comparing a run with the previous one: a change is called only when it is larger than the
 * noise — the two runs' samples differ by a two-sided Mann-Whitney U test (normal
 * approximation with tie and continuity corrections, as SciPy's `method='asymptotic'`) at
 * ALPHA, and the medians by at least MIN_CHANGE. Pure.
 */
import type { BenchResult, BenchRun } from './types';

export const ALPHA = 0.05;
export const MIN_CHANGE = 0.05;

export interface Comparison {
  readonly suite: string;
  readonly variant: string;
  readonly size: string;
  readonly previousMs: number | null;
  readonly currentMs: number | null;
  /** current / previous median. */
  readonly ratio: number | null;
  readonly p: number | null;
  readonly verdict: 'faster' | 'slower' | 'no change' | 'not comparable';
}

/** Complementary error function: the Taylor series of erf below 2.5, a continued fraction above (relative error < 1e-12 against SciPy). */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax < 2.5) {
    // erf series: erf(x) = 2/sqrt(pi) * sum_{n} (-1)^n x^(2n+1) / (n! (2n+1))
    let sum = ax, term = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    r = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // Lentz's continued fraction: erfc(x) = exp(-x²)/sqrt(pi) · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …))))
    const tiny = 1e-300;
    let f = ax, c = ax, d = 0;
    for (let n = 1; n < 500; n++) {
      const an = n / 2;
      d = ax + an * d; d = Math.abs(d) < tiny ? tiny : d; d = 1 / d;
      c = ax + an / c; c = Math.abs(c) < tiny ? tiny : c;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    r = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of the Mann-Whitney U test, asymptotic with tie and continuity corrections. */
export function mannWhitneyP(x: readonly number[], y: readonly number[]): number {
  const n1 = x.length, n2 = y.length, n = n1 + n2;
  if (n1 === 0 || n2 === 0) return NaN;
  const all = [...x.map((v) => ({ v, g: 0 })), ...y.map((v) => ({ v, g: 1 }))].sort((a, b) => a.v - b.v);
  let r1 = 0, ties = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j) / 2 + 1;
    const t = j - i + 1;
    ties += t * t * t - t;
    for (let k = i; k <= j; k++) if (all[k]!.g === 0) r1 += rank;
    i = j + 1;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u = Math.max(u1, n1 * n2 - u1);
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1))));
  if (sigma === 0) return 1;
  const z = (u - mu - 0.5) / sigma;
  return Math.min(1, erfc(z / Math.SQRT2));
}

function key(r: BenchResult): string {
  return `${r.suite}\u0000${r.variant}\u0000${r.size}`;
}

/** Each result of `current` against the same suite, variant and size in `previous`. */
export function compareRuns(previous: BenchRun, current: BenchRun): Comparison[] {
  const before = new Map(previous.results.map((r) => [key(r), r]));
  return current.results.map((r) => {
    const p = before.get(key(r));
    const base = { suite: r.suite, variant: r.variant, size: r.size, previousMs: p?.medianMs ?? null, currentMs: r.medianMs };
    if (!p || p.medianMs === null || r.medianMs === null || p.samplesMs.length < 2 || r.samplesMs.length < 2) {
      return { ...base, ratio: null, p: null, verdict: 'not comparable' as const };
    }
    const ratio = r.medianMs / p.medianMs;
    const pv = mannWhitneyP(p.samplesMs, r.samplesMs);
    const verdict = pv < ALPHA && Math.abs(ratio - 1) >= MIN_CHANGE ? (ratio < 1 ? 'faster' as const : 'slower' as const) : 'no change' as const;
    return { ...base, ratio, p: pv, verdict };
  });
}
