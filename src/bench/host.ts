/**
 * Runs benchmarks off the calling thread: each suite in its own worker thread
 * (dist/benchWorker.js), then the same suite in NumPy through the bridge
 * (`python -m stride_lens.bench`), one after the other so they never compete for the
 * cores. NumPy's variants are checked against our references before their timings count.
 * Used by the CLI and the extension; node only, no vscode.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BridgeMessage, SuitesRequest, TimingBudget, ViewRequest } from './numpyProtocol';
import { resultOf, type SuiteReferences } from './run';
import type { SuiteParams } from './sizes';
import { DEFAULT_BUDGET } from './stats';
import type { BenchResult, BenchRun, MachineInfo, NumpyInfo } from './types';
import { compareCheck } from './verify';
import type { WorkerIn, WorkerOut } from './workerProtocol';

export interface PythonTarget {
  /** The interpreter to run. */
  readonly executable: string;
  /** The folder holding the `stride_lens` package (the repo's or the extension's `python/`). */
  readonly pythonPath: string;
}

export interface BenchOptions {
  readonly runs: readonly SuiteParams[];
  /** dist/benchWorker.js */
  readonly workerPath: string;
  /** Null: NumPy is not run, and `numpyMessage` says why. */
  readonly python: PythonTarget | null;
  readonly numpyMessage?: string;
  readonly budget?: TimingBudget;
  readonly signal?: AbortSignal;
  readonly onResult?: (r: BenchResult) => void;
  /** The WebAssembly kernels could not be loaded (the TypeScript ones still run). */
  readonly onWarning?: (message: string) => void;
  /** Called before each step: `done` of `total` steps (our suite, then NumPy's). */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

class Cancelled extends Error {}

/** Elements up to which NumPy also runs its pure-Python loop variants (the seed's sizes). */
const PYTHON_LOOPS_MAX = 50_000;

function inputElements(r: SuiteParams): number {
  switch (r.suite) {
    case 'conv2d': return r.p.h * r.p.w * r.p.c;
    case 'maxpool': return r.p.c * r.p.h * r.p.w;
    case 'transpose': return r.p.rows * r.p.cols;
    case 'window': return r.p.n;
  }
}

function runWorker(o: BenchOptions, run: SuiteParams, onResult: (r: BenchResult) => void): Promise<SuiteReferences> {
  return new Promise((resolve, reject) => {
    const wasmPath = path.join(path.dirname(o.workerPath), 'bench-kernels.wasm');
    const data: WorkerIn = { run, budget: o.budget ?? DEFAULT_BUDGET, wasmPath: existsSync(wasmPath) ? wasmPath : null };
    const worker = new Worker(o.workerPath, { workerData: data });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      f();
    };
    const abort = () => finish(() => reject(new Cancelled()));
    o.signal?.addEventListener('abort', abort);
    worker.on('message', (m: WorkerOut) => {
      if (m.type === 'result') onResult(m.result);
      else if (m.type === 'references') finish(() => resolve(m.references));
      else if (m.type === 'warning') o.onWarning?.(m.message);
      else finish(() => reject(new Error(`${run.suite} ${run.size}: ${m.message}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`${run.suite} ${run.size}: the benchmark worker exited (${code})`))));
    if (o.signal?.aborted) abort();
  });
}

/** Runs the bridge with one request; messages are handed over as their lines arrive. */
export function runBridge(py: PythonTarget, request: unknown, onMessage: (m: BridgeMessage) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PYTHONPATH: [py.pythonPath, process.env.PYTHONPATH].filter(Boolean).join(':'), PYTHONDONTWRITEBYTECODE: '1' };
    const child = spawn(py.executable, ['-m', 'stride_lens.bench'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let sawError: string | null = null;
    const abort = () => { child.kill(); reject(new Cancelled()); };
    signal?.addEventListener('abort', abort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        let m: BridgeMessage;
        try { m = JSON.parse(line) as BridgeMessage; } catch { sawError = `the NumPy bridge printed something that is not JSON: ${line.slice(0, 200)}`; continue; }
        if (m.type === 'error') sawError = m.message;
        onMessage(m);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => { if (stderr.length < 20_000) stderr += chunk; });
    child.on('error', (err) => { signal?.removeEventListener('abort', abort); reject(new Error(`could not run ${py.executable}: ${err.message}`)); });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', abort);
      if (signal?.aborted) return;
      if (code === 0 && !sawError) resolve();
      else {
        const missing = /No module named '?numpy'?/.test(stderr) ? `${py.executable} has no NumPy` : null;
        reject(new Error(missing ?? sawError ?? `the NumPy bridge exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      }
    });
    child.stdin.on('error', () => { /* the close handler reports why the child ended */ });
    child.stdin.end(JSON.stringify(request));
  });
}

/**
 * "Benchmark this view": the user's view timed in their NumPy (materialised, reduced over its
 * window axes, and a contiguous copy of as many bytes as the baseline), and the same over the
 * source in the other order when the request has it.
 */
export async function runViewBenchmark(py: PythonTarget | null, request: ViewRequest, o: { signal?: AbortSignal; onResult?: (r: BenchResult) => void; numpyMessage?: string } = {}): Promise<BenchRun> {
  const startedAt = new Date().toISOString();
  const results: BenchResult[] = [];
  let numpy: NumpyInfo | null = null;
  let numpyMessage: string | null = py ? null : o.numpyMessage ?? 'no Python with NumPy was found';
  let cancelled = false;
  const size = request.shape.join('x');
  const pending: Array<{ v: Parameters<typeof resultOf>[1]; samples: readonly number[]; note: string | null }> = [];
  if (py) {
    try {
      await runBridge(py, request, (m) => {
        if (m.type === 'machine') numpy = m.machine;
        if (m.type !== 'result') return;
        pending.push({ v: { name: m.variant, computes: 'view', engine: 'numpy', bytes: m.bytes, macs: m.macs }, samples: m.samplesMs, note: m.note });
      }, o.signal);
    } catch (err) {
      if (err instanceof Cancelled) cancelled = true;
      else numpyMessage = err instanceof Error ? err.message : String(err);
    }
  }
  // the copy of as many bytes is the baseline of every fraction
  const copy = pending.find((p) => p.v.name.includes('contiguous copy') && p.samples.length > 0);
  const copyGbPerS = copy ? resultOf({ suite: 'view', size }, copy.v, copy.samples, true, null, null).gbPerS : null;
  for (const p of pending) {
    const r = resultOf({ suite: 'view', size }, p.v, p.samples, p.samples.length > 0, p.note, copyGbPerS);
    results.push(r);
    o.onResult?.(r);
  }
  return { version: 1, startedAt, machine: machineInfo(numpy, numpyMessage), results, copyGbPerS, cancelled };
}

export function machineInfo(numpy: NumpyInfo | null, numpyMessage: string | null): MachineInfo {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.arch()}`, threads: 1, numpy, numpyMessage };
}

export async function runBenchmarks(o: BenchOptions): Promise<BenchRun> {
  const startedAt = new Date().toISOString();
  const results: BenchResult[] = [];
  let numpy: NumpyInfo | null = null;
  let numpyMessage: string | null = o.python ? null : o.numpyMessage ?? 'no Python with NumPy was found';
  let cancelled = false;
  let copyGbPerS: number | null = null;
  const emit = (r: BenchResult) => { results.push(r); o.onResult?.(r); };
  const total = o.runs.length * (o.python ? 2 : 1);
  let done = 0;
  try {
    for (const run of o.runs) {
      o.onProgress?.(done++, total, `${run.suite} ${run.size}`);
      const refs = await runWorker(o, run, emit);
      if (refs.copyGbPerS !== null) copyGbPerS = Math.max(copyGbPerS ?? 0, refs.copyGbPerS);
      if (!o.python || numpyMessage) continue;
      o.onProgress?.(done++, total, `${run.suite} ${run.size} in NumPy`);
      const request: SuitesRequest = {
        kind: 'suites', runs: [run], timing: o.budget ?? DEFAULT_BUDGET, loops: inputElements(run) <= PYTHON_LOOPS_MAX,
        checkIndices: Object.fromEntries(Object.entries(refs.checks).map(([kind, c]) => [kind, c!.indices])),
      };
      try {
        await runBridge(o.python, request, (m) => {
          if (m.type === 'machine') numpy = m.machine;
          if (m.type !== 'result' || m.suite === 'view' || m.computes === 'view') return;
          const v = { name: m.variant, computes: m.computes, engine: 'numpy' as const, bytes: m.bytes, macs: m.macs };
          const ref = refs.checks[m.computes]?.check;
          if (m.note && m.samplesMs.length === 0) return emit(resultOf(run, v, [], false, m.note, refs.copyGbPerS));
          if (!m.check || !ref) return emit(resultOf(run, v, [], false, 'not verified, not timed: no output to check', refs.copyGbPerS));
          const verdict = compareCheck(m.computes, run, m.check, ref);
          emit(resultOf(run, v, verdict.ok ? m.samplesMs : [], verdict.ok, verdict.ok ? m.note : `not verified, not timed: ${verdict.note}`, refs.copyGbPerS));
        }, o.signal);
      } catch (err) {
        if (err instanceof Cancelled) throw err;
        numpyMessage = err instanceof Error ? err.message : String(err);
      }
    }
    o.onProgress?.(total, total, 'done');
  } catch (err) {
    if (!(err instanceof Cancelled)) throw err;
    cancelled = true;
  }
  return { version: 1, startedAt, machine: machineInfo(numpy, numpyMessage), results, copyGbPerS, cancelled };
}
