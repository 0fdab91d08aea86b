/**
 * Running one suite: tune, verify every variant against the naive one, then time the
 * verified ones. Pure: the clock, the stop flag and where results go are passed in (the
 * worker thread passes performance.now and postMessage).
 */
import type { OutputCheck, TimingBudget } from './numpyProtocol';
import type { SuiteParams } from './sizes';
import { autorange, DEFAULT_BUDGET, spreadWarning, summarize } from './stats';
import { makeSuite, type Variant } from './suites';
import type { BenchResult, OutputKind } from './types';
import { checkIndices, compareOutputs, referenceCheck } from './verify';

export interface SuiteRunOptions {
  readonly now: () => number;
  readonly budget?: TimingBudget;
  readonly shouldStop?: () => boolean;
  readonly onResult: (r: BenchResult) => void;
  /** Extra variants (WebAssembly) added to the suite's own. */
  readonly extraVariants?: (suite: ReturnType<typeof makeSuite>) => Variant[];
}

export interface SuiteReferences {
  /** Per output kind: the indices NumPy is asked about and our reference's check. */
  readonly checks: Partial<Record<OutputKind, { indices: number[]; check: OutputCheck }>>;
  /** This suite's copy bandwidth (GB/s), when it has a copy baseline that was timed. */
  readonly copyGbPerS: number | null;
}

/** Copies the output: variants of one kind share their output buffer. */
function snapshot(out: ArrayLike<number>): Float64Array {
  return Float64Array.from(out as ArrayLike<number>);
}

export function resultOf(
  suite: Pick<SuiteParams, 'suite' | 'size'> | { suite: 'view'; size: string }, v: { name: string; computes: OutputKind; engine: BenchResult['engine']; bytes: number | null; macs: number | null },
  samplesMs: readonly number[], verified: boolean, note: string | null, copyGbPerS: number | null,
): BenchResult {
  const s = verified ? summarize(samplesMs) : null;
  const gbPerS = s && v.bytes !== null ? v.bytes / (s.medianMs * 1e6) : null;
  const gflops = s && v.macs !== null ? (2 * v.macs) / (s.medianMs * 1e6) : null;
  return {
    suite: suite.suite, variant: v.name, size: suite.size, computes: v.computes,
    medianMs: s?.medianMs ?? null, minMs: s?.minMs ?? null, maxMs: s?.maxMs ?? null, iqrMs: s?.iqrMs ?? null,
    samplesMs: s ? samplesMs : [], gbPerS, gflops,
    fractionOfCopy: gbPerS !== null && copyGbPerS ? gbPerS / copyGbPerS : null,
    verified, note: note ?? (s ? spreadWarning(s) : null), engine: v.engine,
  };
}

export function runSuite(params: SuiteParams, o: SuiteRunOptions): SuiteReferences {
  const suite = makeSuite(params);
  const variants = [...suite.variants, ...(o.extraVariants?.(suite) ?? [])];
  const stop = o.shouldStop ?? (() => false);
  const refs = new Map<OutputKind, Float64Array>();
  refs.set('copy', snapshot(suite.input));
  const checks: SuiteReferences['checks'] = {};
  let copyGbPerS: number | null = null;
  for (const v of variants) {
    if (stop()) break;
    v.tune?.(o.now);
    v.run();
    let ref = refs.get(v.computes);
    if (!ref) { ref = snapshot(v.output()); refs.set(v.computes, ref); }
    const verdict = compareOutputs(v.computes, params, v.output(), ref);
    if (!verdict.ok) {
      o.onResult(resultOf(params, v, [], false, `not verified, not timed: ${verdict.note}`, copyGbPerS));
      continue;
    }
    const m = autorange(() => v.run(), o.now, o.budget ?? DEFAULT_BUDGET, stop);
    const r = resultOf(params, v, m.samplesMs, true, null, copyGbPerS);
    if (v.computes === 'copy' && copyGbPerS === null) copyGbPerS = r.gbPerS;
    o.onResult(copyGbPerS !== null && v.computes === 'copy' ? { ...r, fractionOfCopy: r.gbPerS! / copyGbPerS } : r);
  }
  for (const [kind, ref] of refs) {
    const indices = checkIndices(ref.length);
    checks[kind] = { indices, check: referenceCheck(ref, indices) };
  }
  return { checks, copyGbPerS };
}
