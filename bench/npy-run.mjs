// Runs bench/npy.ts: bundles it with esbuild into a temp file and runs it with node.
// Usage: node bench/npy-run.mjs [--n 32768] [--reps 50] [--keep]
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = mkdtempSync(join(tmpdir(), 'stride-lens-bench-build-'));
const out = join(dir, 'npy.cjs');
try {
  await esbuild.build({ entryPoints: ['bench/npy.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: out, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
