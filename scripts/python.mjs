// Runs a Python script with the interpreter that has NumPy (scripts/find-python.mjs).
// Usage: node scripts/python.mjs SCRIPT.py [ARGS…]
import { spawnSync } from 'node:child_process';
import { findPython } from './find-python.mjs';

const python = findPython();
if (!python) {
  console.error('No Python with NumPy found (tried $STRIDE_LENS_PYTHON, /usr/bin/python3, python3).\n'
    + 'Install it with: sudo apt-get install -y python3-numpy   (or run: bash scripts/setup-test-deps.sh)');
  process.exit(1);
}
const r = spawnSync(python, process.argv.slice(2), { stdio: 'inherit' });
process.exit(r.status ?? 1);
