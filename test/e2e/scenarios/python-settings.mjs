// Stride hints that depend on the workspace, in a real VS Code: np.load('file.npy') gives the
// source's shape and dtype from the file's header (the lens numbers are NumPy's, from running
// the example on the same files), per-code severities in the workspace settings turn the
// out-of-bounds error into a warning and the overlap warning off, then both off, and
// strideLens.hints.enabled = false takes the lenses and squiggles away. Settings are written to the workspace's .vscode/settings.json,
// as a user's edit of that file would, and removed at the end. The severities are checked on
// a fresh copy of examples/out_of_bounds.py (other scenarios edit that file).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'python hints: np.load headers, per-code severity, hints off per workspace';

const tuple = (xs) => `(${xs.join(', ')})`;
const count = (n) => (String(n).length >= 5 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009') : String(n));

/** NumPy's views in examples/load_npy.py, run from examples/ on the workspace's own files. */
function numpyTruth(python, workspace) {
  return python(`
import json, os, numpy as np
from numpy.lib import stride_tricks
real = stride_tricks.as_strided
byte_bounds = getattr(np, 'byte_bounds', None) or np.lib.array_utils.byte_bounds
out = []
def as_strided(x, shape=None, strides=None, **kw):
    v = real(x, shape=shape, strides=strides, **kw)
    base = x
    while isinstance(base.base, np.ndarray): base = base.base
    lo, hi = byte_bounds(v)
    b0, b1 = byte_bounds(base)
    out.append({"shape": list(v.shape), "strides": list(v.strides), "low": int(lo - b0), "high": int(hi - b0), "nbytes": int(b1 - b0)})
    return v
stride_tricks.as_strided = as_strided  # sliding_window_view builds its view with it too
os.chdir(${JSON.stringify(workspace)})
src = open("load_npy.py").read().replace("from numpy.lib.stride_tricks import as_strided, sliding_window_view", "as_strided = stride_tricks.as_strided; sliding_window_view = stride_tricks.sliding_window_view")
exec(compile(src, "load_npy.py", "exec"), {"stride_tricks": stride_tricks, "__name__": "__main__", "print": lambda *a: None})
print(json.dumps(out))
`);
}

export async function run({ page, helpers, shot, workspace }) {
  const { openFile, waitForLens, lensTexts, squiggles, problems, waitFor, check } = helpers;
  const settingsDir = join(workspace, '.vscode');
  const settingsFile = join(settingsDir, 'settings.json');
  const setSettings = (s) => { mkdirSync(settingsDir, { recursive: true }); writeFileSync(settingsFile, `${JSON.stringify(s, null, 2)}\n`); };
  const mistake = 'severity_mistake.py';
  // The seed's mistake, and a write through its overlapping windows (SL003 needs one).
  const seed = readFileSync(new URL('../../../examples/out_of_bounds.py', import.meta.url), 'utf8');
  writeFileSync(join(workspace, mistake), `${seed}patches *= 2\n`);

  try {
    // np.load: both views get their numbers from the .npy headers (C-order float32 and
    // Fortran-order int16), as NumPy computes them on the loaded arrays.
    const views = numpyTruth(helpers.python, workspace);
    check(views.length === 2, 'NumPy: two views in load_npy.py', 2, views.length);
    await openFile(page, 'load_npy.py');
    for (const v of views) {
      await waitForLens(page, `view ${tuple(v.shape)} · strides ${tuple(v.strides)} · bytes ${count(v.low)}–${count(v.high - 1)} of ${count(v.nbytes)} ✓`);
    }
    await shot('np-load-lenses');

    // The seed's mistake: SL001 (out of bounds) is an error and SL003 (overlapping windows,
    // writeable) a warning by default.
    await openFile(page, mistake);
    await waitFor('the default squiggles: SL001 error and SL003 warning', async () => {
      const s = await squiggles(page);
      return s.errors > 0 && s.warnings > 0 ? true : undefined;
    });

    // SL001 as a warning and SL003 off in this workspace: only a warning squiggle is left,
    // and Problems lists SL001 but no SL003.
    setSettings({ 'strideLens.diagnostics.severity': { SL001: 'warning', SL003: 'off' } });
    await openFile(page, mistake);
    await waitFor('SL001 as a warning squiggle, no error squiggle', async () => {
      const s = await squiggles(page);
      return s.errors === 0 && s.warnings > 0 ? true : undefined;
    }, { timeout: 20_000 });
    const rows = await problems(page);
    check(rows.some((r) => r.includes('SL001')) && !rows.some((r) => r.includes('SL003')), 'Problems lists SL001 and not SL003', 'SL001 only', rows);
    await shot('sl001-as-warning');

    // Both off: no squiggle at all, and the lens still says what the view reads.
    setSettings({ 'strideLens.diagnostics.severity': { SL001: 'off', SL003: 'off' } });
    await openFile(page, mistake);
    await waitFor('no squiggle when SL001 and SL003 are off', async () => {
      const s = await squiggles(page);
      return s.errors === 0 && s.warnings === 0 ? true : undefined;
    }, { timeout: 20_000 });
    await waitForLens(page, /^⚠ reads .* past the end of image/);

    // Hints off for this workspace: no lenses, no squiggles.
    setSettings({ 'strideLens.hints.enabled': false });
    await openFile(page, mistake);
    await waitFor('no Stride Lens code lens with hints off', async () => {
      const lenses = await lensTexts(page);
      return lenses.some((t) => /view \(|past the end|Show stride diagram/.test(t)) ? undefined : true;
    }, { timeout: 20_000 });
    const off = await squiggles(page);
    check(off.errors === 0 && off.warnings === 0, 'no squiggles with hints off', { errors: 0, warnings: 0 }, off);
    await shot('hints-off');
  } finally {
    rmSync(settingsDir, { recursive: true, force: true });
  }

  // Settings removed: the default error comes back.
  await openFile(page, mistake);
  await waitFor('the SL001 error squiggle again after the settings are removed', async () => ((await squiggles(page)).errors > 0 ? true : undefined), { timeout: 20_000 });
  rmSync(join(workspace, mistake), { force: true });
}
