// N-d windows the way scikit-image writes them, in a real VS Code, on examples/windows.py: the
// view_as_windows call resolves through the library's argument checks and its np.array shape
// arithmetic to the view NumPy makes, a hover on a name shows an array's items, and
// np.broadcast_to gets its own lens (stride 0 on the repeated axis); on
// examples/attention_windows.py, Tensor.unfold gets a lens in elements and a window longer
// than the sequence an SL008 squiggle and a lens saying torch raises. The numbers expected on
// screen come from running the files with NumPy and PyTorch.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const name = 'python windows: skimage view_as_windows resolved at its call, array items on hover, broadcast_to lens';

const tuple = (xs) => `(${xs.join(', ')})`;
/** The analysis prints counts of five digits and more with thin-space thousands separators. */
const count = (n) => (String(n).length >= 5 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009') : String(n));

export async function run({ page, helpers, shot }) {
  const { openFile, waitForLens, squiggles, check } = helpers;
  const example = fileURLToPath(new URL('../../../examples/windows.py', import.meta.url));
  const np = helpers.python(`
import json, numpy as np
byte_bounds = getattr(np, 'byte_bounds', None) or np.lib.array_utils.byte_bounds
scope = {"__name__": "__main__", "print": lambda *a: None}
exec(compile(open(${JSON.stringify(example)}).read(), "windows.py", "exec"), scope)
def view(name, owner):
    v, o = scope[name], scope[owner]
    lo, hi = byte_bounds(v)
    base = byte_bounds(o)[0]
    return {"shape": list(v.shape), "strides": list(v.strides), "low": int(lo - base), "high": int(hi - base), "nbytes": int(o.nbytes)}
g = scope["grid"]
print(json.dumps({"patches": view("patches", "image"), "tiles": view("tiles", "image"), "weights": view("weights", "ramp"),
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
print(json.dumps({"shape": list(w.shape), "strides": list(w.stride()), "storage": k.numel(), "error": error}))
`);
  await openFile(page, 'attention_windows.py');
  await waitForLens(page, `view ${tuple(tv.shape)} · strides ${tuple(tv.strides)} elements · elements 0–${tv.storage - 1} of ${tv.storage} ✓`);
  const raises = await waitForLens(page, '⚠ raises: ');
  check(raises === `⚠ raises: ${tv.error}`, 'the lens of the too-long window says what torch raises', `⚠ raises: ${tv.error}`, raises);
  await helpers.waitFor('the SL008 squiggle', async () => ((await squiggles(page)).errors === 1 ? true : undefined));
  await shot('tensor-unfold');
}
