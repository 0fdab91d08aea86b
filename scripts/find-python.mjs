// Finds a Python interpreter that has NumPy (and torch when asked).
// Debian's python3-numpy installs for /usr/bin/python3, which may not be the first `python3`
// on PATH, so candidates are tried in order: $STRIDE_LENS_PYTHON, /usr/bin/python3, python3.
// A module only: scripts/python.mjs is the command that runs a script with it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function findPython({ needTorch = false } = {}) {
  const candidates = [process.env.STRIDE_LENS_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  const probe = needTorch ? 'import numpy, torch' : 'import numpy';
  for (const exe of candidates) {
    const r = spawnSync(exe, ['-c', probe], { stdio: 'ignore' });
    if (r.status === 0) return exe;
  }
  return undefined;
}

/**
 * The NumPy 2.x interpreter that scripts/setup-numpy2-venv.sh makes in .tools/venv-np2
 * (most users run NumPy 2; Debian's is 1.24), or undefined when it has not been made.
 */
export function findNumpy2Python(root) {
  const exe = join(root, '.tools', 'venv-np2', 'bin', 'python');
  return existsSync(exe) ? exe : undefined;
}
