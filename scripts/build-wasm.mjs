// Kernel benchmarks (issue 12): compiles the WebAssembly SIMD kernels of src/bench/wasm/
// (AssemblyScript) with the `assemblyscript` package's JS API, optimised, SIMD on.
// `node scripts/build-wasm.mjs` writes dist/bench-kernels.wasm; esbuild.mjs calls
// buildKernelsWasm() so `npm run build` writes it too. No .wasm file is checked in.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const KERNELS_SOURCE = join(root, 'src', 'bench', 'wasm', 'kernels.ts');
export const KERNELS_OUT = join(root, 'dist', 'bench-kernels.wasm');

/** Compiles src/bench/wasm/kernels.ts to a WebAssembly module (bytes). */
export async function buildKernelsWasm() {
  const { default: asc } = await import('assemblyscript/asc');
  const source = await readFile(KERNELS_SOURCE, 'utf8');
  const result = await asc.compileString({ 'kernels.ts': source }, {
    optimizeLevel: 3,
    shrinkLevel: 0,
    converge: true,
    noAssert: true,
    runtime: 'stub', // bump allocator, no garbage collector: the kernels only take pointers
    enable: ['simd'],
  });
  if (result.error || !result.binary) {
    throw new Error(`AssemblyScript failed on src/bench/wasm/kernels.ts: ${result.error?.message ?? 'no binary'}\n${result.stderr.toString()}`);
  }
  return result.binary;
}

/** Builds and writes dist/bench-kernels.wasm; returns its size in bytes. */
export async function writeKernelsWasm(out = KERNELS_OUT) {
  const bytes = await buildKernelsWasm();
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, bytes);
  return bytes.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = await writeKernelsWasm();
  console.log(`dist/bench-kernels.wasm: ${size} bytes`);
}
