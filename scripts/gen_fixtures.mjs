// Generates every test fixture with the real NumPy / PyTorch: runs each scripts/fixtures/*.py
// with a Python that has NumPy, writing into test/fixtures/generated/ (not committed).
import { readdirSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findPython } from './find-python.mjs';

const python = findPython();
if (!python) {
  console.error('No Python with NumPy found. Run: bash scripts/setup-test-deps.sh');
  process.exit(1);
}
const out = join('test', 'fixtures', 'generated');
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
for (const f of readdirSync(join('scripts', 'fixtures')).filter((f) => f.endsWith('.py')).sort()) {
  if (only.length && !only.some((o) => f.includes(o))) continue;
  const t0 = Date.now();
  const r = spawnSync(python, [join('scripts', 'fixtures', f), out], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`fixtures: ${f} failed (exit ${r.status})`);
    process.exit(1);
  }
  console.log(`fixtures: ${f} (${Date.now() - t0} ms)`);
}
