/**
 * The benchmark results panel: per suite and size, a bar chart of median times (log scale,
 * IQR whiskers from the samples) and the table (median, IQR, min, max, throughput, fraction of
 * the copy bandwidth, verified, change against the previous run). Results stream in while a
 * run goes on. Everything shown is text or SVG built from numbers; nothing is inserted as HTML.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { compareRuns, type Comparison } from '../../../src/bench/compare';
import { groupResults, throughputText } from '../../../src/bench/present';
import { summarize } from '../../../src/bench/stats';
import type { BenchResult, BenchRun } from '../../../src/bench/types';
import type { BenchProgress, BenchToHost, BenchToWebview } from '../../../src/protocol';

export interface BenchPanelProps {
  /** Where the panel's buttons go (the host; a stub in tests). */
  readonly post: (m: BenchToHost) => void;
  /** Subscribes to the host's messages; returns the unsubscribe function. */
  readonly subscribe: (handler: (m: BenchToWebview) => void) => () => void;
}

interface State {
  readonly run: BenchRun | null;
  readonly previous: BenchRun | null;
  readonly running: BenchProgress | null;
}

export function BenchPanel({ post, subscribe }: BenchPanelProps) {
  const [state, setState] = useState<State>({ run: null, previous: null, running: null });
  useEffect(() => {
    const off = subscribe((m) => {
      if (m.type === 'benchState') setState({ run: m.run, previous: m.previous, running: m.running });
      else if (m.type === 'benchProgress') setState((s) => ({ ...s, running: m.running }));
      else if (m.type === 'benchResult') setState((s) => ({ ...s, run: s.run ? { ...s.run, results: [...s.run.results, m.result] } : s.run }));
    });
    post({ type: 'ready' });
    return off;
  }, []);
  const { run, previous, running } = state;
  const comparisons = useMemo(() => {
    if (!run || !previous || running) return new Map<string, Comparison>();
    return new Map(compareRuns(previous, run).map((c) => [`${c.suite} ${c.size} ${c.variant}`, c]));
  }, [run, previous, running]);
  const groups = useMemo(() => groupResults(run?.results ?? []), [run]);

  return (
    <main class="bench">
      <h1>Kernel benchmarks</h1>
      {run && running === null && <Machine run={run} />}
      <div class="bench-actions">
        {running ? (
          <>
            <span data-testid="bench-progress" role="status">
              {running.done < running.total ? `Running ${running.label} (${running.done + 1} of ${running.total})…` : 'Finishing…'}
            </span>{' '}
            <button type="button" data-testid="bench-cancel" onClick={() => post({ type: 'benchCancel' })}>Cancel</button>
          </>
        ) : run ? (
          <>
            {run.results.some((r) => r.suite !== 'view') && <button type="button" data-testid="bench-run" onClick={() => post({ type: 'benchRun' })}>Run again</button>}
            <button type="button" data-testid="bench-export-json" onClick={() => post({ type: 'benchExport', format: 'json' })}>Export JSON</button>
            <button type="button" data-testid="bench-export-csv" onClick={() => post({ type: 'benchExport', format: 'csv' })}>Export CSV</button>
            {run.cancelled && <span class="note" data-testid="bench-cancelled"> Cancelled: the results below were measured before.</span>}
          </>
        ) : (
          <span class="note">Waiting for results…</span>
        )}
      </div>
      {run && !running && run.results.length === 0 && (
        <p class="note" data-testid="bench-empty">{run.machine.numpyMessage ? `Nothing was timed: ${run.machine.numpyMessage}.` : 'Nothing was timed.'}</p>
      )}
      {groups.map((g) => (
        <section key={`${g.suite} ${g.size}`}>
          <h2>{g.suite === 'view' ? `This view, ${g.size}, in NumPy` : `${g.suite} ${g.size}`}</h2>
          <Chart suite={g.suite} results={g.results} />
          <ResultTable results={g.results} comparisons={comparisons} hasPrevious={previous !== null && !running} />
        </section>
      ))}
      {previous && !running && run && (
        <p class="note">Compared with the run of {previous.startedAt.replace('T', ' ').slice(0, 19)} UTC: a change is called when a Mann-Whitney test on the samples gives p &lt; 0.05 and the medians differ by 5 % or more.</p>
      )}
    </main>
  );
}

function Machine({ run }: { run: BenchRun }) {
  const m = run.machine;
  const np = m.numpy
    ? `NumPy ${m.numpy.numpy} on Python ${m.numpy.python}${m.numpy.blas ? ` (${m.numpy.blas})` : ''}, ${m.numpy.threads ?? '?'} BLAS thread${m.numpy.threads === 1 ? '' : 's'} (${m.numpy.threadsSource})`
    : `NumPy: ${m.numpyMessage ?? 'not run'}`;
  return (
    <p class="bench-machine" data-testid="bench-machine">
      {m.cpu && `${m.cpu}, ${m.cores} cores, ${m.platform}, Node ${m.node}: our kernels run on ${m.threads} worker thread each. `}
      {np}.
      {run.copyGbPerS !== null && ` Copy bandwidth measured in this run: ${run.copyGbPerS.toFixed(1)} GB/s.`}
    </p>
  );
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toPrecision(3)} µs`;
  return `${(ms * 1e6).toPrecision(3)} ns`;
}

function verdictText(c: Comparison | undefined): string {
  if (!c || c.verdict === 'not comparable') return 'not in the previous run';
  const ratio = `×${c.ratio!.toFixed(2)}`;
  return `${c.verdict} ${ratio} (p ${c.p! < 0.001 ? c.p!.toExponential(0) : c.p!.toFixed(3)})`;
}

function ResultTable({ results, comparisons, hasPrevious }: { results: BenchResult[]; comparisons: Map<string, Comparison>; hasPrevious: boolean }) {
  return (
    <table class="bench-table">
      <thead>
        <tr>
          <th>variant</th><th>median</th><th>IQR</th><th>min</th><th>max</th><th>throughput</th><th>of copy</th><th>verified</th>
          {hasPrevious && <th>vs previous run</th>}
        </tr>
      </thead>
      <tbody>
        {results.map((r) => {
          const c = comparisons.get(`${r.suite} ${r.size} ${r.variant}`);
          return (
            <tr key={r.variant} data-testid="bench-row" data-variant={r.variant} data-verified={String(r.verified)} class={r.engine === 'numpy' ? 'bench-numpy' : undefined}>
              <td>{r.variant}{r.note && <div class="note">{r.note}</div>}</td>
              <td>{formatMs(r.medianMs)}</td>
              <td>{formatMs(r.iqrMs)}</td>
              <td>{formatMs(r.minMs)}</td>
              <td>{formatMs(r.maxMs)}</td>
              <td>{throughputText(r) ?? '–'}</td>
              <td>{r.fractionOfCopy === null ? '–' : `${(100 * r.fractionOfCopy).toFixed(r.fractionOfCopy < 0.1 ? 1 : 0)} %`}</td>
              <td class={r.verified ? 'good' : 'bad'}>{r.verified ? '✓' : '✗'}</td>
              {hasPrevious && <td class={c?.verdict === 'slower' ? 'bad' : c?.verdict === 'faster' ? 'good' : undefined}>{verdictText(c)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const ROW = 22;
const LABEL_W = 400;
const PLOT_W = 420;
const VALUE_W = 90;

/** Where a time lands on the chart's log axis. */
export function logScale(lo: number, hi: number, width: number): (ms: number) => number {
  const a = Math.log10(lo), b = Math.log10(hi);
  return (ms) => ((Math.log10(ms) - a) / (b - a || 1)) * width;
}

function Chart({ suite, results }: { suite: string; results: BenchResult[] }) {
  const timed = results.map((r) => ({ r, s: r.verified ? summarize(r.samplesMs) : null }));
  const values = timed.flatMap(({ s }) => (s ? [s.minMs, s.maxMs] : []));
  const height = results.length * ROW + 28;
  if (values.length === 0) return null;
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)) + 1e-9);
  const x = logScale(lo, hi, PLOT_W);
  const ticks: number[] = [];
  for (let t = lo; t <= hi * 1.0001; t *= 10) ticks.push(t);
  return (
    <svg class="bench-chart" data-testid={`bench-chart-${suite}`} width={LABEL_W + PLOT_W + VALUE_W} height={height} role="img"
      aria-label={`median time per variant, log scale from ${formatMs(lo)} to ${formatMs(hi)}`}>
      {ticks.map((t) => (
        <g key={t}>
          <line class="bench-grid" x1={LABEL_W + x(t)} x2={LABEL_W + x(t)} y1={0} y2={results.length * ROW} />
          <text class="bench-tick" x={LABEL_W + x(t)} y={results.length * ROW + 16} text-anchor="middle">{formatMs(t)}</text>
        </g>
      ))}
      {timed.map(({ r, s }, i) => {
        const y = i * ROW;
        return (
          <g key={r.variant} data-testid="bench-bar-row" data-variant={r.variant}>
            <text class="bench-label" x={LABEL_W - 8} y={y + ROW / 2 + 4} text-anchor="end">{r.engine === 'numpy' ? `${r.variant} (NumPy)` : r.variant}</text>
            {s ? (
              <>
                <rect class={r.engine === 'numpy' ? 'bench-bar bench-bar-numpy' : 'bench-bar'} data-testid="bench-bar" x={LABEL_W} y={y + 4} width={Math.max(1, x(s.medianMs))} height={ROW - 8} />
                <g class="bench-whisker" data-testid="bench-whisker" data-q1={s.q1Ms} data-q3={s.q3Ms}>
                  <line x1={LABEL_W + x(s.q1Ms)} x2={LABEL_W + x(s.q3Ms)} y1={y + ROW / 2} y2={y + ROW / 2} />
                  <line x1={LABEL_W + x(s.q1Ms)} x2={LABEL_W + x(s.q1Ms)} y1={y + 6} y2={y + ROW - 6} />
                  <line x1={LABEL_W + x(s.q3Ms)} x2={LABEL_W + x(s.q3Ms)} y1={y + 6} y2={y + ROW - 6} />
                </g>
                <text class="bench-value" x={LABEL_W + PLOT_W + 6} y={y + ROW / 2 + 4}>{formatMs(s.medianMs)}</text>
              </>
            ) : (
              <text class="bench-unverified" x={LABEL_W + 4} y={y + ROW / 2 + 4}>{r.verified ? 'not timed' : 'not verified: not timed'}</text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
