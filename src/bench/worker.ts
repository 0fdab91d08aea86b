/**
 * The benchmark worker thread (dist/benchWorker.js): runs one suite and posts its results
 * as they come, then the references NumPy's outputs are checked against. The host stops a
 * run by terminating the thread, so a long naive kernel never blocks Cancel.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runSuite } from './run';
import { instantiateKernels, type WasmKernels } from './wasm';
import { wasmVariants } from './wasmVariants';
import type { WorkerIn, WorkerOut } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('benchWorker runs as a worker thread');
const job = workerData as WorkerIn;
const post = (m: WorkerOut) => port.postMessage(m);
let kernels: WasmKernels | null = null;
if (job.wasmPath) {
  try {
    kernels = instantiateKernels(readFileSync(job.wasmPath));
  } catch (err) {
    post({ type: 'warning', message: `WebAssembly kernels not run: ${err instanceof Error ? err.message : String(err)}` });
  }
}
try {
  const refs = runSuite(job.run, {
    now: () => performance.now(), budget: job.budget, onResult: (result) => post({ type: 'result', result }),
    extraVariants: kernels ? (suite) => wasmVariants(kernels!, suite) : undefined,
  });
  post({ type: 'references', references: refs });
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
