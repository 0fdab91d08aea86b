// Types for build-wasm.mjs (imported by the unit tests).
export declare const KERNELS_SOURCE: string;
export declare const KERNELS_OUT: string;
/** Compiles src/bench/wasm/kernels.ts (AssemblyScript, optimised, SIMD) to WebAssembly bytes. */
export declare function buildKernelsWasm(): Promise<Uint8Array>;
/** Builds and writes dist/bench-kernels.wasm (or `out`); returns its size in bytes. */
export declare function writeKernelsWasm(out?: string): Promise<number>;
