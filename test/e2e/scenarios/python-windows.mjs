// N-d windows the way scikit-image writes them, in a real VS Code, on examples/windows.py: the
// view_as_windows call resolves through the library's argument checks and its np.array shape
// arithmetic to the view NumPy makes, a hover on a name shows an array's items, and
// np.broadcast_to gets its own lens (stride 0 on the repeated axis); on
// examples/attention_windows.py, Tensor.unfold gets a lens in elements and a window longer
// than the sequence an SL008 squiggle and a lens saying torch raises, and F.unfold a lens with
// its copy's shape; on examples/recipes.py, the rolling-window recipe fits any array at its
// definition, a method states what it needs of self.hop, call sites resolve (a shape built
// from list(y.shape) changed in place, a count from math.ceil of a ratio), a size read before x
// is rebound is not proven for the new x, np.ndarray over
// another array's bytes and an order='F' array get their views, and one that does not fit its
// buffer says NumPy raises. The numbers expected on screen come from running the files with
// NumPy and PyTorch.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const name = 'python windows: skimage view_as_windows at its call, items on hover, broadcast_to, Tensor.unfold and F.unfold, recipes proven at their definitions';

const tuple = (xs) => `(${xs.join(', ')})`;
/** The analysis prints counts of five digits and more with thin-space thousands separators. */
const count = (n) => (String(n).length >= 5 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009') : String(n));

/**
 * Python that runs an example file into `scope` and defines `view(v, owner)`: a NumPy view's
 * shape, strides and byte reach relative to the array that owns its memory.
 */
const runExample = (path) => `
import json, numpy as np
byte_bounds = getattr(np, 'byte_bounds', None) or np.lib.array_utils.byte_bounds
scope = {"__name__": "__main__", "print": lambda *a: None}
exec(compile(open(${JSON.stringify(path)}).read(), ${JSON.stringify(path.split('/').pop())}, "exec"), scope)
def view(v, owner):
    lo, hi = byte_bounds(v)
    base = byte_bounds(owner)[0]
    return {"shape": list(v.shape), "strides": list(v.strides), "low": int(lo - base), "high": int(hi - base), "nbytes": int(owner.nbytes)}`;

export async function run({ page, helpers, shot }) {
  const { openFile, waitForLens, squiggles, check } = helpers;
  const example = fileURLToPath(new URL('../../../examples/windows.py', import.meta.url));
  const np = helpers.python(`${runExample(example)}
g = scope["grid"]
print(json.dumps({"patches": view(scope["patches"], scope["image"]), "tiles": view(scope["tiles"], scope["image"]), "weights": view(scope["weights"], scope["ramp"]),
                  "grid": {"dtype": str(g.dtype), "items": g.tolist()}}))
`);
  const lensOf = (v) => `view ${tuple(v.shape)} · strides ${tuple(v.strides)} · bytes ${count(v.low)}–${count(v.high - 1)} of ${count(v.nbytes)} ✓`;

  await openFile(page, 'windows.py');
  // The module-level calls are at the end of the file: bring them into view.
  const lines = readFileSync(example, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('patches = view_as_windows('));
  await helpers.goTo(page, at + 1, 1);

  // The call site: through isinstance/len/.any() checks and (shape - window) // step + 1 on np.array items.
  const site = await waitForLens(page, `view_as_windows: ${lensOf(np.patches)}`);
  check(site.includes('windows overlap'), 'the patches overlap (step 4 < window 8) and the lens says so', 'windows overlap', site);
  // A tile grid from np.array(image.shape) // 8, and a row repeated by np.broadcast_to.
  await waitForLens(page, lensOf(np.tiles));
  const bcast = await waitForLens(page, lensOf(np.weights));
  check(bcast.includes('stride 0 on dim 0 repeats elements'), 'the broadcast_to lens names the repeated axis', 'stride 0 on dim 0 repeats elements', bcast);
  await shot('windows-call-site-and-broadcast');

  // A hover on grid shows the array's items, as NumPy computed them.
  const said = await helpers.hover(page, 'grid', { line: 'grid = np.array' });
  const want = `${np.grid.dtype} array [${np.grid.items.join(', ')}]`;
  check(said.includes(want), 'the hover on grid shows its items', want, said);
  await shot('hover-array-items');
  await page.keyboard.press('Escape');

  // Library code written the way scikit-image writes it gets no squiggle.
  const marks = await squiggles(page);
  check(marks.errors === 0 && marks.warnings === 0, 'no squiggle in windows.py', '0 errors, 0 warnings', marks);

  // Tensor.unfold: torch's own view of the windows, and the one torch refuses.
  const attention = fileURLToPath(new URL('../../../examples/attention_windows.py', import.meta.url));
  const tv = helpers.python(`
import json, torch
scope = {"__name__": "__main__"}
try:
    exec(compile(open(${JSON.stringify(attention)}).read(), "attention_windows.py", "exec"), scope)
except RuntimeError as e:
    error = str(e).splitlines()[0]
w, k = scope["windows"], scope["keys"]
print(json.dumps({"shape": list(w.shape), "strides": list(w.stride()), "storage": k.numel(), "error": error, "cols": list(scope["cols"].shape)}))
`);
  await openFile(page, 'attention_windows.py');
  await waitForLens(page, `view ${tuple(tv.shape)} · strides ${tuple(tv.strides)} elements · elements 0–${tv.storage - 1} of ${tv.storage} ✓`);
  const raises = await waitForLens(page, '⚠ raises: ');
  check(raises === `⚠ raises: ${tv.error}`, 'the lens of the too-long window says what torch raises', `⚠ raises: ${tv.error}`, raises);
  await helpers.waitFor('the SL008 squiggle', async () => ((await squiggles(page)).errors === 1 ? true : undefined));
  // F.unfold (im2col) is a copy: its lens gives the copy's shape, as torch made it, and its blocks.
  const cols = await waitForLens(page, `copy ${tuple(tv.cols)} · `);
  check(cols === `copy ${tuple(tv.cols)} · 32 × 32 blocks of 3 × 3`, 'the F.unfold lens gives the copy and its blocks', `copy ${tuple(tv.cols)} · 32 × 32 blocks of 3 × 3`, cols);
  await shot('tensor-unfold');

  // Recipes: what holds at a definition for every array (rolling window, a method's frames),
  // call sites, np.ndarray over another array's bytes, a Fortran-ordered array, strides
  // omitted, windows into the next row.
  const recipes = fileURLToPath(new URL('../../../examples/recipes.py', import.meta.url));
  const rv = helpers.python(`${runExample(recipes)}
rolled = scope["rolling_window"](scope["temps"], 3)
framer = scope["Framer"](np.zeros(1000, dtype=np.float32), 100, 50)  # as the file builds it
flat = np.arange(12.0)  # as the file passes it to as_matrix
print(json.dumps({"rolled": view(rolled, scope["temps"]), "framed": view(framer.frames(), framer.signal),
                  "blocks": view(scope["blocks"], scope["temps"]), "ceiled": view(scope["ceiled"], scope["audio"]),
                  "rows": view(scope["rows"], scope["packet"]), "columns": view(scope["columns"], scope["fortran"]),
                  "matrix": view(scope["as_matrix"](flat, 3, 4), flat)}))
`);
  await openFile(page, 'recipes.py');
  const rolling = await waitForLens(page, 'view (…, a.shape[-1] - window + 1, window) · strides (…, a.strides[-1], a.strides[-1])');
  check(rolling.endsWith(' · fits any a ✓'), 'the rolling-window recipe fits any a, whatever its dimension count', '… · fits any a ✓', rolling);
  // x rebound after a size was read from it: the view is stated against the new x, no ✓.
  const rebound = await waitForLens(page, 'view (x.shape[0] - w + 1, w) · strides (x′.strides[0], x′.strides[0])');
  check(rebound.endsWith(' · needs x′.shape[0] ≥ x.shape[0]') && !rebound.includes('✓'), 'a size read before x is rebound is not the new x\'s', '… · needs x′.shape[0] ≥ x.shape[0]', rebound);
  const method = await waitForLens(page, 'view ((self.signal.shape[0] - self.frame_length) // self.hop + 1, self.frame_length)');
  check(method.endsWith(' · needs self.hop ≥ 1') && !method.includes('✓'), 'the method states what it needs of self.hop, no ✓', '… · needs self.hop ≥ 1', method);
  // The hover on the call (shown from the keyboard, at the callee) gives the same view as sliding_window_view.
  const recipeLines = readFileSync(recipes, 'utf8').split('\n');
  const row = recipeLines.findIndex((l) => l.includes('return as_strided(a,'));
  await helpers.goTo(page, row + 1, recipeLines[row].indexOf('as_strided') + 2);
  await helpers.runCommand(page, 'Show or Focus Hover');
  const same = await helpers.waitFor('the hover on the rolling-window call', async () => {
    const box = page.locator('.monaco-hover:not(.hidden)').first();
    return (await box.count()) && (await box.isVisible()) ? (await box.innerText()).trim() || undefined : undefined;
  });
  check(same.includes('sliding_window_view(a, window, axis=-1)'), 'the hover offers the same view as sliding_window_view', 'sliding_window_view(a, window, axis=-1)', same);
  await page.keyboard.press('Escape');
  const at2 = recipeLines.findIndex((l) => l.startsWith('smoothed = '));
  await helpers.goTo(page, at2 + 1, 1);
  await waitForLens(page, `rolling_window: ${lensOf(rv.rolled)}`);
  await waitForLens(page, `frames: ${lensOf(rv.framed)}`);
  // A shape built from list(y.shape) and changed in place, and a count from math.ceil of a ratio.
  await waitForLens(page, `last_axis_windows: ${lensOf(rv.blocks)}`);
  await waitForLens(page, `frames_ceil: ${lensOf(rv.ceiled)}`);
  // as_strided with a new shape and no strides: at the definition the strides depend on x's
  // layout (NumPy gives a C-contiguous x C-order strides), at the call they are NumPy's.
  const asMatrix = await waitForLens(page, 'view (rows, cols) · strides ? · ');
  check(asMatrix.endsWith(' · strides depend on whether x is C-contiguous'), 'strides omitted on a parameter: the lens says what they depend on', '… · strides depend on whether x is C-contiguous', asMatrix);
  await waitForLens(page, `as_matrix: ${lensOf(rv.matrix)}`);
  // One window too many along the second axis of the first row only: into the next row
  // (a warning), not "past the end of x for every size", and never ✓.
  const rowWindows = await waitForLens(page, '· view (x.shape[1] - w + 2, w) · ');
  check(rowWindows.startsWith('⚠') && rowWindows.endsWith(' · windows run into the next row of x'), 'windows past the end of an inner axis run into the next row', '⚠ · view (x.shape[1] - w + 2, w) · … · windows run into the next row of x', rowWindows);
  await waitForLens(page, lensOf(rv.rows));
  const cl = await waitForLens(page, lensOf(rv.columns));
  check(cl.includes(' · same as fortran.T'), 'the Fortran-ordered columns are named as the transpose', '… · same as fortran.T', cl);
  const refused = await waitForLens(page, '⚠ raises, buffer too small: ');
  check(refused.includes('past the end of packet (64 B)'), 'np.ndarray past its buffer: the lens says NumPy raises', '⚠ raises, buffer too small: reads … past the end of packet (64 B)', refused);
  // Squiggles are counted where the editor renders them: bring the refused call into view.
  await helpers.goTo(page, recipeLines.findIndex((l) => l.includes('too_far = ')) + 1, 1);
  await helpers.waitFor('the SL008 squiggle in recipes.py', async () => ((await squiggles(page)).errors === 1 ? true : undefined));
  await shot('recipes');
}
