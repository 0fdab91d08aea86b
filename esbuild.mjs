// One build per target (see ARCHITECTURE.md). `node esbuild.mjs [--watch] [--production]`.
import * as esbuild from 'esbuild';
import { writeKernelsWasm } from './scripts/build-wasm.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
};

/** @type {esbuild.BuildOptions[]} */
const targets = [
  // Extension host: CommonJS for Node, `vscode` provided by the host.
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  // Worker thread for engine jobs that may run long (overlap solving, statistics).
  { ...common, entryPoints: ['src/worker/main.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // Benchmark worker thread: one suite per thread, terminated to cancel.
  { ...common, entryPoints: ['src/bench/worker.ts'], outfile: 'dist/benchWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // Command line: `stride-lens`.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' } },
  // Webview app (panels and custom editors): a classic script for the browser.
  { ...common, entryPoints: ['webview/app/main.tsx'], outfile: 'dist/webview/app.js', platform: 'browser', format: 'iife', target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact', loader: { '.css': 'css' } },
  // Notebook renderer: VS Code requires an ES module.
  { ...common, entryPoints: ['webview/renderer/main.tsx'], outfile: 'dist/webview/renderer.js', platform: 'browser', format: 'esm', target: 'es2022', jsx: 'automatic', jsxImportSource: 'preact', loader: { '.css': 'text' } },
];

// The kernel benchmarks' WebAssembly SIMD kernels (AssemblyScript source in src/bench/wasm/),
// read from dist/bench-kernels.wasm at run time by the extension's worker and the CLI. Watch
// mode builds it once; rerun `node scripts/build-wasm.mjs` after editing the kernels.
await writeKernelsWasm();

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
