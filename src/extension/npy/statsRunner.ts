/**
 * The host side of the statistics worker: one worker thread per viewer, started on the first
 * job and ended with the viewer. Progress and results are forwarded to the webview; a worker
 * that dies fails its running jobs with the reason (the webview is never left waiting).
 */
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { NpyToWebview } from '../../protocol';
import type { FromWorker, StatsInput, ToWorker } from '../../worker/jobs';

export type { StatsInput } from '../../worker/jobs';

/** Runs statistics jobs in `dist/worker.js` and reports them to one webview. */
export class StatsRunner implements vscode.Disposable {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, (m: NpyToWebview) => void>();

  constructor(private readonly workerPath: string, private readonly log: vscode.LogOutputChannel) {}

  /** Start job `id` over `input` (member `member` of an `.npz`); results go to `post`. */
  start(id: number, input: StatsInput, member: string | null, post: (m: NpyToWebview) => void): void {
    let w: Worker;
    try {
      w = this.ensureWorker();
    } catch (e) {
      post({ type: 'npyStatsFailed', id, error: `cannot start the statistics worker: ${e instanceof Error ? e.message : String(e)}`, cancelled: false });
      return;
    }
    this.jobs.set(id, post);
    w.postMessage({ type: 'stats', id, input, member } satisfies ToWorker);
  }

  /** Ask job `id` to stop. */
  cancel(id: number): void {
    this.worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.workerPath);
    w.on('message', (m: FromWorker) => this.onWorkerMessage(m));
    w.on('error', (e) => this.failAll(`the statistics worker failed: ${e.message}`));
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(`the statistics worker stopped (exit code ${code})`);
    });
    this.worker = w;
    return w;
  }

  private onWorkerMessage(m: FromWorker): void {
    const post = this.jobs.get(m.id);
    if (!post) return;
    switch (m.type) {
      case 'progress':
        post({ type: 'npyStatsProgress', id: m.id, done: m.done, total: m.total });
        return;
      case 'done':
        this.jobs.delete(m.id);
        post({ type: 'npyStatsDone', id: m.id, stats: m.stats });
        return;
      case 'failed':
        this.jobs.delete(m.id);
        if (!m.cancelled) this.log.warn(`array viewer statistics: ${m.error}`);
        post({ type: 'npyStatsFailed', id: m.id, error: m.error, cancelled: m.cancelled });
        return;
      default: {
        const never: never = m;
        this.log.warn(`statistics worker: unknown message ${JSON.stringify(never)}`);
      }
    }
  }

  private failAll(error: string): void {
    for (const [id, post] of this.jobs) post({ type: 'npyStatsFailed', id, error, cancelled: false });
    this.jobs.clear();
  }

  dispose(): void {
    this.jobs.clear();
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}
