// Notebooks in a real VS Code: the saved output of `show_layout` (written by a real kernel in
// scripts/make_notebook.py) is rendered by our renderer, and the cells' stride calls get
// lenses like any Python file. Expected numbers come from NumPy.
export const name = 'notebook: layout outputs rendered, lenses in cells';

export async function run({ page, helpers, shot }) {
  const { openFile, findFrame, waitForLens, waitFor, check, python } = helpers;
  const np = python(`
import json, numpy as np
from numpy.lib.stride_tricks import as_strided
byte_bounds = getattr(np, 'byte_bounds', None) or np.lib.array_utils.byte_bounds
image = np.zeros((28, 28), dtype=np.float32)
s = image.strides
b0 = byte_bounds(image)[0]
def view(shape):
    v = as_strided(image, shape=shape, strides=(s[0], s[1], s[0], s[1]))
    lo, hi = byte_bounds(v)
    return {"shape": str(v.shape), "strides": str(v.strides), "low": int(lo - b0), "high": int(hi - b0)}
print(json.dumps({"nbytes": int(image.nbytes), "patches": view((26, 26, 3, 3)), "too_many": view((100, 100, 3, 3))}))
`);

  await openFile(page, 'notebook.ipynb');
  // The renderer's output for `show_layout(patches)` and for the mistake.
  const frame = await findFrame(page, 'Stride Lens layout: patches', { timeout: 45_000 });
  const body = await waitFor('both layout outputs', async () => {
    const t = await frame.locator('body').innerText();
    return t.includes('Stride Lens layout: too_many') && t.includes('past the end') ? t : undefined;
  }, { timeout: 30_000 });
  check(body.includes(np.patches.shape) && body.includes(np.patches.strides), 'patches output shows NumPy shape and strides', `${np.patches.shape} ${np.patches.strides}`, body);
  check(body.includes(`in bounds: reads bytes ${np.patches.low}–${np.patches.high - 1} of ${np.nbytes}`), 'patches output is in bounds', `bytes ${np.patches.low}–${np.patches.high - 1} of ${np.nbytes}`, body);
  const past = np.too_many.high - np.nbytes;
  check(body.includes(`reads ${past} B past the end of the buffer (${np.nbytes} B)`), 'too_many output reads past the end', `${past} B past the end`, body);
  await shot('outputs');

  // Lenses in notebook cells: facts flow from the first cell (image) to the calls.
  await waitForLens(page, `view ${np.patches.shape}`, { timeout: 30_000 });
  await shot('cell-lenses');

  // The mistake's cell: error lens and squiggle; the quick fix rewrites the cell and the error goes.
  // Notebooks render cell editors lazily: scroll until the mistake's cell shows its error.
  const notebookBox = await page.locator('.notebook-editor').first().boundingBox();
  const cell = page.locator('.notebook-editor .cell-editor-container .monaco-editor').filter({ hasText: 'too_many' }).first();
  const squiggle = cell.locator('.squiggly-error').first();
  await waitFor('the mistake cell with its error squiggle', async () => {
    // Visible and away from the bottom edge, so that pointing at it shows its hover.
    const at = (await squiggle.count()) && (await squiggle.isVisible()) ? await squiggle.boundingBox() : null;
    if (at && at.y + at.height < notebookBox.y + notebookBox.height * 0.7) return true;
    await page.mouse.move(notebookBox.x + notebookBox.width / 2, notebookBox.y + notebookBox.height / 2);
    await page.mouse.wheel(0, 200);
    return undefined;
  }, { timeout: 30_000, interval: 400 });
  const errorLens = `⚠ reads ${count(past)} B past the end of image (${count(np.nbytes)} B)`;
  // The cell's lenses arrive after its editor is scrolled into view: wait for them.
  const cellLenses = async () => (await cell.locator('.codelens-decoration').allTextContents()).join(' ');
  const lenses = await waitFor('the mistake cell\'s lenses', async () => ((await cellLenses()).includes(errorLens) ? cellLenses() : undefined), { timeout: 15_000 })
    .catch(() => cellLenses());
  check(lenses.includes(errorLens), 'the mistake cell has the error lens', errorLens, lenses);
  // Hovering the squiggle shows the diagnostic with its Quick Fix action.
  const box = await squiggle.boundingBox();
  const quickFix = page.locator('.monaco-hover:not(.hidden) .action-container').filter({ hasText: 'Quick Fix' }).first();
  await waitFor('the diagnostic hover with Quick Fix', async () => {
    await page.mouse.move(box.x + Math.min(8, box.width / 2), box.y + box.height / 2);
    await page.mouse.move(box.x + Math.min(12, box.width / 2), box.y + box.height / 2);
    return (await quickFix.count()) && (await quickFix.isVisible()) ? true : undefined;
  }, { interval: 700 });
  const hoverText = await page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'SL001' }).first().innerText();
  check(hoverText.includes(`reads ${count(past)} B past the end`), 'the cell diagnostic hover names the bytes past the end', past, hoverText);
  await quickFix.click();
  const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Correct the window count' }).first();
  await fix.waitFor({ timeout: 15_000 });
  await shot('cell-quick-fix');
  await fix.click();
  await waitFor('the rewritten cell', async () => {
    const t = (await cell.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    return /shape=\(image\.shape\[0\] - 3 \+ 1/.test(t) ? t : undefined;
  });
  await waitFor('no error squiggle in the cell after the fix', async () => ((await cell.locator('.squiggly-error').count()) === 0 ? true : undefined));
  await shot('cell-after-quick-fix');
}

/** The analysis prints counts of five digits and more with thin-space thousands separators. */
const count = (n) => (String(n).length >= 5 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009') : String(n));
