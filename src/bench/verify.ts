/**
 * Checking variants before timing them: a whole output against the reference of its kind,
 * or (for NumPy, whose outputs stay in Python) the count, the sum and the values at chosen
 * indices. Pure.
 */
import type { OutputCheck } from './numpyProtocol';
import type { SuiteParams } from './sizes';
import { tolerance } from './suites';
import type { OutputKind } from './types';

export type Verdict = { ok: true } | { ok: false; note: string };

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(9);
}

export function compareOutputs(kind: OutputKind, params: SuiteParams, out: ArrayLike<number>, ref: ArrayLike<number>): Verdict {
  if (out.length !== ref.length) return { ok: false, note: `output has ${out.length} values, the reference ${ref.length}` };
  for (let i = 0; i < ref.length; i++) {
    const a = out[i]!, b = ref[i]!;
    if (!(Math.abs(a - b) <= tolerance(kind, params, b))) {
      return { ok: false, note: `differs from the naive ${kind} at element ${i}: ${fmt(a)} vs ${fmt(b)}` };
    }
  }
  return { ok: true };
}

/** Up to `n` flat indices spread over an output of `count` values, first and last included. */
export function checkIndices(count: number, n = 64): number[] {
  if (count <= n) return [...Array(count).keys()];
  const out = new Set<number>([0, count - 1]);
  for (let i = 1; out.size < n; i++) out.add(Math.floor((i * count) / n) % count);
  return [...out].sort((a, b) => a - b);
}

/** Our reference reduced to what a NumPy check holds. */
export function referenceCheck(ref: ArrayLike<number>, indices: readonly number[]): OutputCheck {
  let sum = 0;
  for (let i = 0; i < ref.length; i++) sum += ref[i]!;
  return { count: ref.length, sum, at: indices.map((i) => ref[i]!) };
}

export function compareCheck(kind: OutputKind, params: SuiteParams, got: OutputCheck, ref: OutputCheck): Verdict {
  if (got.count !== ref.count) return { ok: false, note: `NumPy's output has ${got.count} values, the reference ${ref.count}` };
  if (got.at.length !== ref.at.length) return { ok: false, note: `NumPy reported ${got.at.length} sampled values, ${ref.at.length} were asked for` };
  for (let i = 0; i < ref.at.length; i++) {
    const a = got.at[i]!, b = ref.at[i]!;
    if (!(Math.abs(a - b) <= tolerance(kind, params, b))) return { ok: false, note: `differs from the naive ${kind} at sample ${i}: ${fmt(a)} vs ${fmt(b)}` };
  }
  // the sum of the whole output: each value within its tolerance, so the sum within count times it
  const perValue = tolerance(kind, params, ref.count ? Math.abs(ref.sum) / ref.count : 0);
  if (!(Math.abs(got.sum - ref.sum) <= Math.max(perValue * ref.count, 1e-6 * Math.abs(ref.sum)))) {
    return { ok: false, note: `the sum of NumPy's output is ${fmt(got.sum)}, the reference's ${fmt(ref.sum)}` };
  }
  return { ok: true };
}
