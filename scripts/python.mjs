// Finds a Python interpreter that has NumPy and runs a script with it.
// Debian's python3-numpy installs for /usr/bin/python3, which may not be the first `python3`
// on PATH, so candidates are tried in order: $STRIDE_LENS_PYTHON, /usr/bin/python3, python3.
// Usage: node scripts/python.mjs SCRIPT.py [ARGS…]   (or import { findPython })
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export function findPython({ needTorch = false } = {}) {
  const candidates = [process.env.STRIDE_LENS_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  const probe = needTorch ? 'import numpy, torch' : 'import numpy';
  for (const exe of candidates) {
    const r = spawnSync(exe, ['-c', probe], { stdio: 'ignore' });
    if (r.status === 0) return exe;
  }
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const python = findPython();
  if (!python) {
    console.error('No Python with NumPy found (tried $STRIDE_LENS_PYTHON, /usr/bin/python3, python3).\n'
      + 'Install it with: sudo apt-get install -y python3-numpy   (or run: bash scripts/setup-test-deps.sh)');
    process.exit(1);
  }
  const r = spawnSync(python, process.argv.slice(2), { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
