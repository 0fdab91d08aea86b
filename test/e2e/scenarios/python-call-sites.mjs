// Views resolved where the code calls the function that builds them, in a real VS Code, on
// examples/frames.py (a librosa-style frame(x, frame_length, hop_length)): the call site's
// lens shows the view NumPy makes for that signal, the definition's lens what its bounds
// depend on, an axis the caller names is no error, a hover on a name says what it holds, and
// the window-count quick fix keeps the function's own names. The numbers expected on screen come from running the file with NumPy.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'python call sites: frame(x, frame_length, hop_length) resolved where it is called, fix in the user\'s names';

const tuple = (xs) => `(${xs.join(', ')})`;
/** The analysis prints counts of five digits and more with thin-space thousands separators. */
const count = (n) => (String(n).length >= 5 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009') : String(n));

export async function run({ page, helpers, shot, workspace }) {
  const { openFile, waitForLens, lensTexts, squiggles, problems, waitFor, check, runCommand } = helpers;
  const example = fileURLToPath(new URL('../../../examples/frames.py', import.meta.url));
  const np = helpers.python(`
import json, numpy as np
byte_bounds = getattr(np, 'byte_bounds', None) or np.lib.array_utils.byte_bounds
scope = {"__name__": "__main__", "print": lambda *a: None}
exec(compile(open(${JSON.stringify(example)}).read(), "frames.py", "exec"), scope)
f, s = scope["frames"], scope["signal"]
lo, hi = byte_bounds(f)
base = byte_bounds(s)[0]
print(json.dumps({"shape": list(f.shape), "strides": list(f.strides), "low": int(lo - base), "high": int(hi - base), "nbytes": int(s.nbytes),
                  "signal": {"dtype": str(s.dtype), "shape": list(s.shape), "strides": list(s.strides)}}))
`);

  await openFile(page, 'frames.py');
  // The call site: frames = frame(signal, 400, 160) shows NumPy's view, in bounds.
  const site = await waitForLens(page, `frame: view ${tuple(np.shape)} · strides ${tuple(np.strides)} · bytes ${count(np.low)}–${count(np.high - 1)} of ${count(np.nbytes)} ✓`);
  check(site.startsWith('frame: '), 'the call site names the function it went through', 'frame: …', site);
  // The definition: the frame count fits every signal; what the proof needs of the hop is
  // stated (a hop below 1 would step backwards or divide by zero), no ✓.
  const def = await waitForLens(page, 'view ((x.shape[0] - frame_length) // hop_length + 1, frame_length) · strides (hop_length * x.strides[0], x.strides[0])');
  check(def.endsWith(' · needs hop_length ≥ 1') && !def.includes('✓'), 'the definition states its requirement, no ✓', '… · needs hop_length ≥ 1', def);
  await shot('call-site-and-definition');

  // A hover on a name says what the analysis believes it holds (NumPy's dtype, shape, strides).
  const sig = np.signal;
  const said = await helpers.hover(page, 'signal', { line: 'frame(signal' });
  const want = `${sig.dtype} array, shape (${sig.shape.join(', ')},), strides (${sig.strides.join(', ')},) B`;
  check(said.includes('signal') && said.includes(want), 'the hover on signal shows what the analysis knows', want, said);
  await shot('hover-on-a-name');
  await page.keyboard.press('Escape');

  // smooth(x, w, axis): an axis the caller names is unknown here, not an error. The only
  // problem in the file is frame_one_too_many's count.
  await waitFor('the SL001 squiggle on frame_one_too_many', async () => ((await squiggles(page)).errors > 0 ? true : undefined));
  const rows = await problems(page);
  const ours = rows.filter((r) => /SL00\d/.test(r));
  check(ours.some((r) => r.includes('SL001') && r.includes('reads past the end of x for every size')), 'Problems lists the always-out-of-bounds frame count', 'SL001 …', ours);
  check(!ours.some((r) => r.includes('SL008')), 'no SL008 for the axis smooth() leaves to its caller', 'no SL008', ours);
  check((await squiggles(page)).warnings === 0, 'no warning squiggle in frames.py', 0, (await squiggles(page)).warnings);
  check(!(await lensTexts(page)).some((t) => t.startsWith('smooth:') && !t.includes('✓')), 'the smooth() call site is in bounds', 'smooth: … ✓', await lensTexts(page));

  // The quick fix corrects the count in the function's own names.
  await runCommand(page, 'View: Toggle Panel Visibility'); // the Problems panel, opened above
  await openFile(page, 'frames.py');
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  // The cursor on the erroneous call (line and column from the file), then Quick Fix.
  const lines = readFileSync(example, 'utf8').split('\n');
  const row = lines.findIndex((l) => l.includes('return as_strided(x, shape=(n_frames, frame_length), strides=(x.strides[0]'));
  const col = lines[row].indexOf('as_strided') + 1;
  await helpers.goTo(page, row + 1, col + 1);
  const fix = await helpers.quickFixRow(page, 'n_frames = len(x) - frame_length + 1');
  await shot('quick-fix-keeps-names');
  await fix.click();
  const text = await waitFor('the corrected count', async () => {
    const t = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    return t.includes('n_frames = len(x) - frame_length + 1') ? t : undefined;
  });
  check(!text.includes('shape[0]') && text.includes('shape=(n_frames, frame_length)'), 'the call keeps n_frames and the parameter names', 'shape=(n_frames, frame_length)', text);
  await waitFor('no error squiggle after the fix', async () => ((await squiggles(page)).errors === 0 ? true : undefined));
  await shot('after-quick-fix');
  await runCommand(page, 'File: Revert File');
  copyFileSync(example, join(workspace, 'frames.py'));
}
