/**
 * The benchmark results panel: one per window, reused by every run. The host streams results
 * into it as they arrive and answers its buttons (run again, cancel, export JSON / CSV).
 */
import * as vscode from 'vscode';
import { toCsv, toJson } from '../../bench/export';
import type { SuiteParams } from '../../bench/sizes';
import type { BenchResult, BenchRun } from '../../bench/types';
import type { BenchToHost, BenchToWebview } from '../../protocol';
import { webviewHtml, webviewOptions } from '../webviewHtml';

const VIEW_TYPE = 'strideLens.benchmarks';

export interface BenchPanelActions {
  readonly runAgain: (runs: SuiteParams[]) => void;
  readonly cancel: () => void;
}

export class BenchPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private run: BenchRun | null = null;
  private previous: BenchRun | null = null;
  private streamed: BenchResult[] = [];
  private running: { done: number; total: number; label: string } | null = null;
  private runs: SuiteParams[] = [];
  private disposed = false;

  constructor(extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel, private readonly actions: BenchPanelActions) {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Stride Lens Benchmarks', vscode.ViewColumn.Active, { retainContextWhenHidden: true });
    this.panel = panel;
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'bench', 'Stride Lens Benchmarks');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: BenchToHost) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private readonly panel: vscode.WebviewPanel;

  get isDisposed(): boolean {
    return this.disposed;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  private post(m: BenchToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(m);
  }

  private state(): void {
    const run = this.run ?? (this.running ? { ...emptyRun(), results: this.streamed } : null);
    this.post({ type: 'benchState', run, previous: this.previous, running: this.running });
  }

  /** A run begins: `runs` (empty for a view benchmark) are what "Run again" repeats. */
  start(runs: SuiteParams[], previous: BenchRun | null): void {
    this.runs = runs;
    this.run = null;
    this.previous = previous;
    this.streamed = [];
    this.running = { done: 0, total: Math.max(1, runs.length), label: 'starting' };
    this.state();
  }

  progress(done: number, total: number, label: string): void {
    this.running = { done, total, label };
    this.post({ type: 'benchProgress', running: this.running });
  }

  result(r: BenchResult): void {
    this.streamed.push(r);
    this.post({ type: 'benchResult', result: r });
  }

  finish(run: BenchRun): void {
    this.run = run;
    this.running = null;
    this.state();
  }

  private async onMessage(m: BenchToHost): Promise<void> {
    switch (m.type) {
      case 'ready': this.state(); return;
      case 'benchCancel': this.actions.cancel(); return;
      case 'benchRun': if (this.runs.length) this.actions.runAgain(this.runs); return;
      case 'benchExport': {
        if (!this.run) return;
        const uri = await vscode.window.showSaveDialog({
          title: `Export benchmark results as ${m.format.toUpperCase()}`,
          filters: m.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
          defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), `stride-lens-bench.${m.format}`),
        });
        if (!uri) return;
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(m.format === 'csv' ? toCsv(this.run) : toJson(this.run)));
        void vscode.window.showInformationMessage(`Stride Lens: benchmark results written to ${vscode.workspace.asRelativePath(uri)}`);
        return;
      }
      case 'error': this.log.error(`benchmark panel: ${m.message}`); return;
      default: {
        const never: never = m;
        this.log.warn(`benchmark panel: unknown message ${JSON.stringify(never)}`);
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function emptyRun(): BenchRun {
  return {
    version: 1, startedAt: new Date().toISOString(), results: [], copyGbPerS: null, cancelled: false,
    machine: { cpu: '', cores: 0, node: process.version, platform: '', threads: 1, numpy: null, numpyMessage: null },
  };
}
