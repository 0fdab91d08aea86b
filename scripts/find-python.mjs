// Finds a Python interpreter that has NumPy (and torch when asked).
// Debian's python3-numpy installs for /usr/bin/python3, which may not be the first `python3`
// on PATH, so candidates are tried in order: $STRIDE_LENS_PYTHON, /usr/bin/python3, python3.
// A module only: scripts/python.mjs is the command that runs a script with it.
import { spawnSync } from 'node:child_process';

export function findPython({ needTorch = false } = {}) {
  const candidates = [process.env.STRIDE_LENS_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  const probe = needTorch ? 'import numpy, torch' : 'import numpy';
  for (const exe of candidates) {
    const r = spawnSync(exe, ['-c', probe], { stdio: 'ignore' });
    if (r.status === 0) return exe;
  }
  return undefined;
}
