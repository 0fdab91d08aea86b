/**
 * The benchmark commands: *Run Kernel Benchmarks* (pick suites and a size, run them off the
 * host's thread with a cancellable progress notification, results streaming into the panel)
 * and *Benchmark this view* (a lens action on a resolved stride call). The last run is kept
 * so the next one is compared with it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runBenchmarks, runViewBenchmark } from '../../bench/host';
import type { ViewRequest } from '../../bench/numpyProtocol';
import { parseSize, SIZE_FORMS, type SuiteParams } from '../../bench/sizes';
import { DEFAULT_BUDGET } from '../../bench/stats';
import { SUITES, type BenchRun, type SuiteName } from '../../bench/types';
import { reportFailure } from '../log';
import { BenchPanel } from './benchPanel';
import { benchPython } from './python';

const LAST_RUN = 'strideLens.bench.lastRun';

/** Arguments the command also takes (keybindings, tests): skip the pickers. */
export interface BenchArgs { readonly suite?: SuiteName | 'all'; readonly size?: string }

async function pickRuns(args: BenchArgs | undefined): Promise<SuiteParams[] | undefined> {
  let suite = args?.suite;
  if (!suite) {
    const items = [
      { label: 'All suites', description: 'conv2d, max-pool, transpose, sliding windows', id: 'all' as const },
      { label: 'conv2d', description: 'nested loops vs im2col through a strided view vs direct', id: 'conv2d' as const },
      { label: 'maxpool', description: '2×2 stride-2 windows view vs loops', id: 'maxpool' as const },
      { label: 'transpose', description: 'copy bandwidth, naive vs blocked transpose, C- vs F-order traversal', id: 'transpose' as const },
      { label: 'window', description: 'rolling sum / max: windows view vs running algorithms', id: 'window' as const },
    ];
    suite = (await vscode.window.showQuickPick(items, { title: 'Stride Lens: benchmark suite', placeHolder: 'Which kernels?' }))?.id;
    if (!suite) return undefined;
  }
  const names: SuiteName[] = suite === 'all' ? [...SUITES] : [suite];
  let size = args?.size;
  if (!size) {
    const sizes = (key: 'seed' | 'small' | 'large') => names.map((n) => SIZE_FORMS[n][key]).join(', ');
    const items = [
      { label: 'Seed sizes', description: sizes('seed'), id: 'seed' },
      { label: 'Small', description: sizes('small'), id: 'small' },
      { label: 'Large', description: sizes('large'), id: 'large' },
      ...(names.length === 1 ? [{ label: 'Custom size…', description: SIZE_FORMS[names[0]!].form, id: 'custom' }] : []),
    ];
    size = (await vscode.window.showQuickPick(items, { title: 'Stride Lens: benchmark size' }))?.id;
    if (size === 'custom') {
      const suiteName = names[0]!;
      size = await vscode.window.showInputBox({
        title: `Stride Lens: ${suiteName} size`, prompt: SIZE_FORMS[suiteName].form, value: SIZE_FORMS[suiteName].seed,
        validateInput: (t) => { const p = parseSize(suiteName, t); return 'error' in p ? p.error : undefined; },
      });
    }
    if (!size) return undefined;
  }
  const runs: SuiteParams[] = [];
  for (const n of names) {
    const p = parseSize(n, size);
    if ('error' in p) throw new Error(p.error);
    runs.push(p);
  }
  return runs;
}

export class BenchCommands implements vscode.Disposable {
  private running: AbortController | undefined;
  private current: BenchPanel | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The open results panel, or a new one. */
  private panel(): BenchPanel {
    if (!this.current || this.current.isDisposed) {
      this.current = new BenchPanel(this.context.extensionUri, this.log, {
        runAgain: (runs) => void reportFailure(this.log, 'Run Kernel Benchmarks', () => this.runSuites(runs)),
        cancel: () => this.running?.abort(),
      });
    } else this.current.reveal();
    return this.current;
  }

  dispose(): void {
    this.running?.abort();
    this.current?.dispose();
  }

  async runBenchmarks(args?: BenchArgs): Promise<void> {
    const runs = await pickRuns(args);
    if (runs) await this.runSuites(runs);
  }

  private async runSuites(runs: SuiteParams[]): Promise<void> {
    if (this.running) {
      void vscode.window.showWarningMessage('Stride Lens: a benchmark is already running; cancel it first.');
      return;
    }
    const previous = this.context.globalState.get<BenchRun>(LAST_RUN) ?? null;
    const panel = this.panel();
    const py = await benchPython(this.context.extensionUri, this.log);
    const ac = new AbortController();
    this.running = ac;
    panel.start(runs, previous);
    this.log.info(`benchmarks: ${runs.map((r) => `${r.suite} ${r.size}`).join(', ')}; NumPy from ${py.message}`);
    try {
      const run = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Stride Lens: benchmarking', cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => ac.abort());
          let last = 0;
          return runBenchmarks({
            runs, python: py.target, numpyMessage: py.message, signal: ac.signal, budget: DEFAULT_BUDGET,
            workerPath: path.join(this.context.extensionUri.fsPath, 'dist', 'benchWorker.js'),
            onResult: (r) => panel.result(r),
            onProgress: (done, total, label) => {
              progress.report({ message: done < total ? `${label} (${done + 1} of ${total})` : 'done', increment: (100 * (done - last)) / total });
              last = done;
              panel.progress(done, total, label);
            },
          });
        },
      );
      panel.finish(run);
      if (!run.cancelled) await this.context.globalState.update(LAST_RUN, run);
      const bad = run.results.filter((r) => !r.verified);
      if (bad.length) void vscode.window.showWarningMessage(`Stride Lens: ${bad.length} variant(s) did not compute what the naive kernel does and were not timed: ${bad.map((r) => r.variant).join(', ')}`);
    } finally {
      this.running = undefined;
    }
  }

  async benchmarkView(request: unknown): Promise<void> {
    if (!isViewRequest(request)) throw new Error('no view to benchmark');
    if (this.running) {
      void vscode.window.showWarningMessage('Stride Lens: a benchmark is already running; cancel it first.');
      return;
    }
    const py = await benchPython(this.context.extensionUri, this.log);
    const panel = this.panel();
    const ac = new AbortController();
    this.running = ac;
    panel.start([], null);
    try {
      const run = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Stride Lens: timing the view ${request.shape.join('×')} in NumPy`, cancellable: true },
        async (_progress, token) => {
          token.onCancellationRequested(() => ac.abort());
          return runViewBenchmark(py.target, request, { signal: ac.signal, numpyMessage: py.message, onResult: (r) => panel.result(r) });
        },
      );
      panel.finish(run);
      if (run.results.length === 0 && !run.cancelled) {
        void vscode.window.showWarningMessage(`Stride Lens: Benchmark this view needs NumPy: ${run.machine.numpyMessage ?? 'no Python with NumPy was found'}. Set strideLens.pythonPath to a Python that has NumPy.`);
      }
    } finally {
      this.running = undefined;
    }
  }
}

/** Command arguments are untyped: `{suite, size}` given by a keybinding or a test. */
export function isBenchArgs(x: unknown): x is BenchArgs {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (o.suite === undefined || o.suite === 'all' || (SUITES as readonly unknown[]).includes(o.suite)) && (o.size === undefined || typeof o.size === 'string');
}

/** Command arguments are untyped: a view request built by the lens. */
export function isViewRequest(x: unknown): x is ViewRequest {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const ints = (v: unknown) => Array.isArray(v) && v.every((n) => Number.isSafeInteger(n));
  return o.kind === 'view' && typeof o.dtype === 'string' && ints(o.sourceShape) && ints(o.shape) && ints(o.strides) && Number.isSafeInteger(o.offset) && ints(o.windowAxes) && typeof o.timing === 'object';
}
