// Runs a benchmark: bundles bench/<name>.ts with esbuild into dist/bench/<name>.cjs and runs it with node.
// Usage: node bench/run.mjs [name=engine] [args…]   (npm run bench -- engine)
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const [name = 'engine', ...args] = process.argv.slice(2);
const entry = join('bench', `${name}.ts`);
if (!existsSync(entry)) {
  console.error(`bench: no ${entry}`);
  process.exit(2);
}
const outDir = join('dist', 'bench');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${name}.cjs`);
// Tools that locate their own files at run time stay outside the bundle.
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'warning', external: ['esbuild', 'playwright-core'] });
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
