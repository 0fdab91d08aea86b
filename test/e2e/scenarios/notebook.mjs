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
}
