// @vitest-environment happy-dom
/** @jsxImportSource preact */
// The benchmark results panel (webview/app/bench/BenchPanel.tsx) as a user drives it: progress
// and Cancel while running, results streaming in, bars only for verified variants with
// whiskers over the samples' quartiles, NumPy variants labelled, exports, the comparison.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { BenchPanel, logScale } from '../../../webview/app/bench/BenchPanel';
import { quantile } from '../../../src/bench/stats';
import type { BenchResult, BenchRun } from '../../../src/bench/types';
import type { BenchToHost, BenchToWebview } from '../../../src/protocol';

function harness() {
  const posted: BenchToHost[] = [];
  let handler: ((m: BenchToWebview) => void) | undefined;
  const view = render(<BenchPanel post={(m) => posted.push(m)} subscribe={(h) => { handler = h; return () => { handler = undefined; }; }} />);
  const send = (m: BenchToWebview) => act(() => handler!(m));
  return { ...view, posted, send };
}

const result = (variant: string, samplesMs: number[], r: Partial<BenchResult> = {}): BenchResult => {
  const s = [...samplesMs].sort((a, b) => a - b);
  return {
    suite: 'transpose', variant, size: '512x512', computes: 'transpose', medianMs: s.length ? quantile(s, 0.5) : null, minMs: s[0] ?? null, maxMs: s[s.length - 1] ?? null,
    iqrMs: s.length ? quantile(s, 0.75) - quantile(s, 0.25) : null, samplesMs, gbPerS: s.length ? 2 : null, gflops: null, fractionOfCopy: s.length ? 0.5 : null,
    verified: true, note: null, engine: 'node', ...r,
  };
};
const machine = { cpu: 'AMD EPYC', cores: 2, node: 'v20.0.0', platform: 'linux x64', threads: 1, numpy: { python: '3.11', executable: 'python3', numpy: '2.4.6', blas: 'openblas', threads: 2, threadsSource: 'env' }, numpyMessage: null };
const run = (results: BenchResult[], extra: Partial<BenchRun> = {}): BenchRun => ({ version: 1, startedAt: '2026-12-03T06:00:00.000Z', machine, results, copyGbPerS: 4, cancelled: false, ...extra });

const copy = result('copy (baseline)', [0.5, 0.52, 0.49, 0.51, 0.5], { computes: 'copy', fractionOfCopy: 1 });
const naive = result('naive transpose', [8, 9, 8.5, 8.2, 12]);
const numpyT = result('numpy:a.T.copy()', [6, 6.1, 6.2, 5.9, 6], { engine: 'numpy' });
const broken = result('blocked transpose (tile 16)', [], { verified: false, note: 'not verified, not timed: differs from the naive transpose at element 3: 1 vs 2' });

afterEach(cleanup);

describe('BenchPanel', () => {
  it('says ready, shows progress with Cancel while running, and streams results in', () => {
    const h = harness();
    expect(h.posted).toEqual([{ type: 'ready' }]);
    h.send({ type: 'benchState', run: run([]), previous: null, running: { done: 0, total: 2, label: 'transpose 512x512' } });
    expect(h.getByTestId('bench-progress').textContent).toBe('Running transpose 512x512 (1 of 2)…');
    fireEvent.click(h.getByTestId('bench-cancel'));
    expect(h.posted.at(-1)).toEqual({ type: 'benchCancel' });
    h.send({ type: 'benchResult', result: copy });
    h.send({ type: 'benchProgress', running: { done: 1, total: 2, label: 'transpose 512x512 in NumPy' } });
    expect(h.getAllByTestId('bench-row').map((r) => r.getAttribute('data-variant'))).toEqual(['copy (baseline)']);
    expect(h.getByTestId('bench-progress').textContent).toBe('Running transpose 512x512 in NumPy (2 of 2)…');
    expect(h.queryByTestId('bench-export-json')).toBeNull();
  });

  it('draws a bar per verified variant, none for an unverified one, NumPy labelled, whiskers over the quartiles', () => {
    const h = harness();
    h.send({ type: 'benchState', run: run([copy, naive, numpyT, broken]), previous: null, running: null });
    const rows = h.getAllByTestId('bench-row');
    expect(rows.map((r) => [r.getAttribute('data-variant'), r.getAttribute('data-verified')])).toEqual([
      ['copy (baseline)', 'true'], ['naive transpose', 'true'], ['numpy:a.T.copy()', 'true'], ['blocked transpose (tile 16)', 'false'],
    ]);
    expect(rows[3]!.textContent).toContain('differs from the naive transpose at element 3');
    const chart = h.getByTestId('bench-chart-transpose');
    const bars = chart.querySelectorAll('[data-testid="bench-bar"]');
    expect(bars).toHaveLength(3);
    expect(bars[2]!.getAttribute('class')).toContain('bench-bar-numpy');
    expect(chart.textContent).toContain('numpy:a.T.copy() (NumPy)');
    expect(chart.textContent).toContain('not verified: not timed');
    // the naive transpose's whisker spans q1..q3 of its samples, on the chart's log axis
    const whisker = chart.querySelectorAll('[data-testid="bench-whisker"]')[1]!;
    const s = [...naive.samplesMs].sort((a, b) => a - b);
    expect(Number(whisker.getAttribute('data-q1'))).toBeCloseTo(quantile(s, 0.25), 12);
    expect(Number(whisker.getAttribute('data-q3'))).toBeCloseTo(quantile(s, 0.75), 12);
    const [span] = whisker.querySelectorAll('line');
    const x = logScale(0.1, 100, 420);
    expect(Number(span!.getAttribute('x1')) - 400).toBeCloseTo(x(quantile(s, 0.25)), 6);
    expect(Number(span!.getAttribute('x2')) - 400).toBeCloseTo(x(quantile(s, 0.75)), 6);
    // bars grow with the median
    const widths = [...bars].map((b) => Number(b.getAttribute('width')));
    expect(widths[0]! < widths[2]! && widths[2]! < widths[1]!).toBe(true);
    expect(h.getByTestId('bench-machine').textContent).toContain('NumPy 2.4.6 on Python 3.11 (openblas), 2 BLAS threads');
  });

  it('exports and runs again through the host', () => {
    const h = harness();
    h.send({ type: 'benchState', run: run([copy]), previous: null, running: null });
    fireEvent.click(h.getByTestId('bench-export-json'));
    fireEvent.click(h.getByTestId('bench-export-csv'));
    fireEvent.click(h.getByTestId('bench-run'));
    expect(h.posted.slice(1)).toEqual([{ type: 'benchExport', format: 'json' }, { type: 'benchExport', format: 'csv' }, { type: 'benchRun' }]);
  });

  it('compares with the previous run: a clear slow-down is called, noise is not', () => {
    const h = harness();
    const slower = result('naive transpose', naive.samplesMs.map((x) => x * 1.5));
    h.send({ type: 'benchState', run: run([copy, slower]), previous: run([copy, naive]), running: null });
    const [c, n] = h.getAllByTestId('bench-row');
    expect(c!.lastElementChild!.textContent).toMatch(/^no change ×1\.00/);
    expect(n!.lastElementChild!.textContent).toMatch(/^slower ×1\.50 \(p 0\.0\d\d\)/);
  });

  it('says plainly when nothing was timed', () => {
    const h = harness();
    h.send({ type: 'benchState', run: run([], { machine: { ...machine, numpy: null, numpyMessage: 'python3 has no NumPy' } }), previous: null, running: null });
    expect(h.getByTestId('bench-empty').textContent).toBe('Nothing was timed: python3 has no NumPy.');
  });
});
