/** Messages between the benchmark host (./host.ts) and its worker thread (./worker.ts). */
import type { TimingBudget } from './numpyProtocol';
import type { SuiteReferences } from './run';
import type { SuiteParams } from './sizes';
import type { BenchResult } from './types';

export interface WorkerIn {
  readonly run: SuiteParams;
  readonly budget: TimingBudget;
  /** dist/bench-kernels.wasm, or null to run the TypeScript kernels only. */
  readonly wasmPath: string | null;
}

export type WorkerOut =
  | { readonly type: 'result'; readonly result: BenchResult }
  | { readonly type: 'references'; readonly references: SuiteReferences }
  | { readonly type: 'error'; readonly message: string }
  /** The WebAssembly kernels could not be loaded: the suite runs without them. */
  | { readonly type: 'warning'; readonly message: string };
