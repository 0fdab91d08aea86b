// Stride hints in Python files, in a real VS Code: code lenses on the seed's calls, the
// out-of-bounds error as a squiggle and a Problems entry, the per-dimension hover, and a
// quick fix that rewrites the call so the error goes away. The numbers expected on screen
// come from running each example with NumPy (as_strided recorded, byte_bounds measured).
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'python hints: lenses, out-of-bounds squiggle and problem, hover, quick fix';

function numpyTruth(python) {
  return python(`
import json, os, numpy as np
from numpy.lib import stride_tricks
real = stride_tricks.as_strided
byte_bounds = getattr(np, 'byte_bounds', None) or np.lib.array_utils.byte_bounds
out = {}
def recording(name):
    def as_strided(x, shape=None, strides=None, **kw):
        v = real(x, shape=shape, strides=strides, **kw)
        lo, hi = byte_bounds(v)
        base = x
        while isinstance(base.base, np.ndarray): base = base.base
        b0, b1 = byte_bounds(base)
        out[name] = {"dtype": str(v.dtype), "shape": list(v.shape), "strides": list(v.strides), "low": int(lo - b0), "high": int(hi - b0), "nbytes": int(b1 - b0)}
        return v
    return as_strided
for name in ["conv2d_im2col.py", "maxpool.py", "transpose.py", "out_of_bounds.py"]:
    stride_tricks.as_strided = recording(name)
    src = open(os.path.join("examples", name)).read().replace("from numpy.lib.stride_tricks import as_strided", "as_strided = stride_tricks.as_strided")
    try:
        exec(compile(src, name, "exec"), {"stride_tricks": stride_tricks, "__name__": "__main__", "print": lambda *a: None})
    except Exception:
        pass
print(json.dumps(out))
`);
}

const tuple = (xs) => `(${xs.join(', ')})`;
/** The analysis prints counts of five digits and more with thin-space thousands separators. */
const count = (n) => (String(n).length >= 5 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009') : String(n));

/** Put the cursor on `token` in the first line of `file` matching `line` and ask VS Code for the hover. */
async function hoverAt(page, { runCommand, waitFor, goTo }, file, line, token) {
  const lines = readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8').split('\n');
  const row = lines.findIndex((l) => line.test(l));
  const col = lines[row].indexOf(token, lines[row].search(line));
  await goTo(page, row + 1, col + 2);
  await runCommand(page, 'Show or Focus Hover');
  return waitFor(`a hover over "${token}"`, async () => {
    const h = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    if (!(await h.count()) || !(await h.isVisible())) return undefined;
    return (await h.innerText()).trim() || undefined;
  });
}

export async function run({ page, helpers, shot, workspace }) {
  const { openFile, waitForLens, squiggles, problems, waitFor, check, runCommand, tab } = helpers;
  const np = numpyTruth(helpers.python);

  // Lenses on the seed's canonical calls: view, strides and the bytes reached of the buffer.
  for (const file of ['maxpool.py', 'transpose.py', 'conv2d_im2col.py']) {
    const t = np[file];
    check(t && t.high <= t.nbytes, `NumPy: ${file} stays in its buffer`, 'in bounds', t);
    await openFile(page, file);
    const lens = await waitForLens(page, `view ${tuple(t.shape)} · strides ${tuple(t.strides)}`);
    check(lens.includes(`bytes ${count(t.low)}–${count(t.high - 1)} of ${count(t.nbytes)} ✓`), `${file} lens bytes`, `bytes ${t.low}–${t.high - 1} of ${t.nbytes} ✓`, lens);
    await shot(file.replace('.py', ''));
  }

  // The hover on the im2col call explains each dimension in the source's terms.
  const hoverText = await hoverAt(page, helpers, 'conv2d_im2col.py', /patches = as_strided/, 'as_strided');
  const im = np['conv2d_im2col.py'];
  check(/dim/.test(hoverText) && /next patch row/.test(hoverText), 'hover explains dim 0 as the next patch row', 'next patch row', hoverText);
  check(im.strides.every((s) => hoverText.includes(String(s))), 'hover lists every stride', im.strides, hoverText);
  await shot('hover');
  await page.keyboard.press('Escape');

  // "Show stride diagram" opens the calculator on that call's view, with the source's dtype.
  await page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: 'Show stride diagram' }).first().click();
  const calc = await helpers.findPlayground(page);
  await helpers.waitForText(calc.locator('[data-testid="view-shape"]'), tuple(im.shape), 'calculator view shape from the lens');
  await helpers.waitForText(calc.locator('[data-testid="verdict"]'), (t) => t.includes(`in bounds: reads bytes ${im.low}–${im.high - 1} of ${im.nbytes}`), 'calculator verdict from the lens');
  check((await calc.locator('#dtype').inputValue()) === im.dtype, 'the calculator got the source dtype', im.dtype, await calc.locator('#dtype').inputValue());
  await shot('stride-diagram-from-lens');

  // The seed's mistake: an error lens, a squiggle and a Problems entry with the NumPy numbers.
  const oob = np['out_of_bounds.py'];
  const past = oob.high - oob.nbytes;
  check(past > 0, 'NumPy: the mistake reads past the end', '> 0', past);
  await openFile(page, 'out_of_bounds.py');
  await waitForLens(page, `⚠ reads ${count(past)} B past the end of image (${count(oob.nbytes)} B)`);
  await waitFor('an error squiggle', async () => ((await squiggles(page)).errors > 0 ? true : undefined));
  const rows = await problems(page);
  check(rows.some((r) => r.includes('SL001') && r.includes(`reads ${count(past)} B past the end`)), 'Problems lists SL001 with the bytes past the end', 'SL001 …', rows);
  await shot('out-of-bounds');
  // The code is a link to its explanation, opened offline inside the editor at that code.
  const codeLink = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'SL001' }).first().locator('a, .monaco-link').filter({ hasText: 'SL001' }).first();
  await codeLink.click();
  await tab(page, 'diagnostics.md').first().waitFor({ timeout: 15_000 });
  const docEditor = page.locator('.editor-group-container.active .monaco-editor').first();
  // Monaco renders spaces as no-break spaces: \s matches both.
  const heading = docEditor.locator('.view-line').filter({ hasText: /^#+\sSL001\s—\s/ });
  await heading.first().waitFor({ timeout: 15_000 });
  check(await heading.count() === 1, 'the diagnostics document shows the SL001 heading', 1, await heading.count());
  // The link selects the heading's line: the cursor's line number sits level with it.
  const cursorLine = docEditor.locator('.line-numbers.active-line-number').first();
  const [hy, cy] = [(await heading.first().boundingBox()).y, (await cursorLine.boundingBox()).y];
  check(Math.abs(hy - cy) < 4, 'the link opens the document at the SL001 heading (cursor on its line)', hy, cy);
  await shot('diagnostic-docs');
  await helpers.runCommand(page, 'View: Close Editor');

  // Quick fix: correct the window count; the error and its squiggle disappear.
  await openFile(page, 'out_of_bounds.py');
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.squiggly-error').first().waitFor({ timeout: 15_000 });
  const box = await editor.locator('.squiggly-error').first().boundingBox();
  await page.mouse.click(box.x + Math.min(8, box.width / 2), box.y + box.height / 2);
  const fix = await helpers.quickFixRow(page, 'Correct the window count');
  await shot('quick-fix-menu');
  await fix.click();
  const text = await waitFor('the rewritten call', async () => {
    const t = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    return /shape=\(image\.shape\[0\] - 3 \+ 1/.test(t) ? t : undefined;
  });
  check(!text.includes('shape=(100, 100, 3, 3)'), 'the bad shape is gone', 'no (100, 100, 3, 3)', text);
  await waitFor('no error squiggle after the fix', async () => ((await squiggles(page)).errors === 0 ? true : undefined));
  // The corrected call is the im2col view: NumPy's numbers for conv2d_im2col.py.
  await waitForLens(page, `view ${tuple(im.shape)} · strides ${tuple(im.strides)} · bytes ${count(im.low)}–${count(im.high - 1)} of ${count(im.nbytes)} ✓`);
  await shot('after-quick-fix');
  // Leave the example as it was for the scenarios after this one: the editor may already
  // have saved the fix, so the file itself is put back (the open editor follows the disk).
  await runCommand(page, 'File: Revert File');
  copyFileSync(new URL('../../../examples/out_of_bounds.py', import.meta.url), join(workspace, 'out_of_bounds.py'));
  // The file watcher can take a while on a loaded machine (a full CI run once missed 20 s).
  await waitForLens(page, `⚠ reads ${count(past)} B past the end of image (${count(oob.nbytes)} B)`, { timeout: 60_000 });
}
