/* global document, getComputedStyle */
// The Layout Playground in a real VS Code: palette command → webview panel → presets, the
// NumPy and PyTorch code (run by the real libraries), and a bad input. Expected numbers come from NumPy (as_strided + byte_bounds), not typed by hand.
export const name = 'layout playground: im2col in bounds with its stride diagram and a grid over picked axes, max-pool patch grid, torch code with a storage offset, out-of-bounds preset hatched, bad stride, dark / high-contrast / light themes';

/** What NumPy says about the seed's views of a 28×28 float32 image. */
function numpyTruth(python) {
  return python(`
import json, numpy as np
from numpy.lib.stride_tricks import as_strided
byte_bounds = getattr(np, 'byte_bounds', None) or np.lib.array_utils.byte_bounds
img = np.zeros((28, 28), np.float32)
base_low, _ = byte_bounds(img)
def case(shape):
    v = as_strided(img, shape=shape, strides=img.strides + img.strides)
    low, high = byte_bounds(v)
    return {"shape": list(v.shape), "shapeText": str(v.shape), "strides": list(v.strides),
            "low": int(low - base_low), "high": int(high - base_low)}
print(json.dumps({"nbytes": int(img.nbytes), "baseShape": list(img.shape),
                  "im2col": case((26, 26, 3, 3)), "oob": case((100, 100, 3, 3))}))
`);
}

const ints = (text) => text.split(/[\s,()]+/).filter(Boolean).map(Number);
const sameInts = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function run({ page, helpers, shot }) {
  const { runCommand, findPlayground, tab, waitFor, waitForText, check, python } = helpers;
  const np = numpyTruth(python);

  await runCommand(page, 'Stride Lens: Layout Playground');
  await tab(page, 'Layout Playground').first().waitFor({ timeout: 15_000 });
  const frame = await findPlayground(page);
  const result = frame.locator('#result');
  const field = (id) => frame.locator(`#${id}`);

  // im2col: the seed's 3×3 patches of the 28×28 image, inside the buffer.
  await frame.locator('select#preset').selectOption('im2col');
  check(sameInts(ints(await field('shape').inputValue()), np.im2col.shape), 'im2col preset shape', np.im2col.shape, await field('shape').inputValue());
  check(sameInts(ints(await field('strides').inputValue()), np.im2col.strides), 'im2col preset strides', np.im2col.strides, await field('strides').inputValue());
  await waitForText(result.locator('[data-testid="view-shape"]'), np.im2col.shapeText, 'im2col view shape');
  await waitForText(result.locator('[data-testid="buffer-size"]'), (t) => t.startsWith(`${np.nbytes} B`), `buffer size ${np.nbytes} B`);
  check(np.im2col.low >= 0 && np.im2col.high <= np.nbytes, 'NumPy: im2col stays in the buffer', true, np.im2col);
  await waitForText(result.locator('[data-testid="verdict"]'), /in bounds/, 'im2col verdict');

  // The stride diagram: point at a byte in the middle of the strip; the indices listed as
  // reading it must be exactly the ones NumPy finds (every index whose 4 bytes hold it).
  const strip = result.locator('[data-testid="byte-strip"]');
  await strip.waitFor({ timeout: 15_000 });
  const box = await strip.boundingBox();
  await strip.hover({ position: { x: box.width * 0.47, y: box.height * 0.45 } });
  const readout = await waitForText(result.locator('[data-testid="byte-readers"]'), /^byte \d+: read by/, 'readers of the byte under the pointer');
  const byte = Number(readout.match(/^byte (\d+)/)[1]);
  const listed = [...readout.matchAll(/\(([\d, ]+)\)/g)].map((m) => m[1].split(',').map((x) => Number(x.trim())));
  const truth = python(`
import json, numpy as np
idx = np.indices((26, 26, 3, 3)).reshape(4, -1).T
addr = idx @ np.array([112, 4, 112, 4])
hit = (addr <= ${byte}) & (${byte} < addr + 4)
print(json.dumps(idx[hit].tolist()))
`);
  check(JSON.stringify(listed) === JSON.stringify(truth), `indices reading byte ${byte} (NumPy)`, truth, listed);
  check(truth.length > 1, 'the byte under the pointer is read by several windows (overlap shown)', '> 1', truth.length);
  // Pointing at an index lights its bytes.
  await result.locator('[data-testid="index-grid"] td[data-index="0,0,1,2"]').hover();
  await result.locator('[data-testid="lit-bytes"]').waitFor({ timeout: 10_000 });
  await shot('im2col');
  // N-d: the grid over axes 0 and 2 with axes 1 and 3 held at 5 and 2; the byte each index
  // starts at is where NumPy's view puts it.
  await result.locator('[data-testid="grid-rows"]').selectOption('0');
  await result.locator('[data-testid="grid-cols"]').selectOption('2');
  await result.locator('[data-testid="grid-hold-1"]').fill('5');
  await result.locator('[data-testid="grid-hold-3"]').fill('2');
  const pickedTruth = python(`
import json, numpy as np
from numpy.lib.stride_tricks import as_strided
img = np.zeros((28, 28), np.float32)
v = as_strided(img, shape=(26, 26, 3, 3), strides=img.strides + img.strides)
start = img.__array_interface__["data"][0]
print(json.dumps([v[i:i+1, 5:6, j:j+1, 2:3].__array_interface__["data"][0] - start for (i, j) in [(0, 0), (3, 1), (7, 2)]]))
`);
  const pickedShown = [];
  for (const [i, j] of [[0, 0], [3, 1], [7, 2]]) {
    pickedShown.push(Number(await waitForText(result.locator(`[data-testid="index-grid"] td[data-index="${i},5,${j},2"]`), /^\d+$/, `grid cell [${i}, 5, ${j}, 2]`)));
  }
  check(sameInts(pickedShown, pickedTruth), 'the grid over axes 0 and 2 (axes 1, 3 held at 5, 2): bytes where NumPy starts those indices', pickedTruth, pickedShown);
  await shot('im2col-picked-axes');

  // The patch grid: 2×2 max-pool windows with stride 2 over one 26×26 feature map. The window
  // picked with the arrow keys reads exactly the pixels NumPy's pooling view reads.
  await frame.locator('select#preset').selectOption('maxpool2d');
  await waitForText(result.locator('[data-testid="patch-caption"]'), /^13×13 windows of 2×2 over the 26×26 image · stride 2×2/, 'max-pool patch grid caption');
  await waitForText(result.locator('[data-testid="patch-rule"]'), /\(26 − 2\) \/\/ 2 \+ 1 = 13/, 'output-size rule');
  await result.locator('[data-testid="patch-image"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const picked = await waitForText(result.locator('[data-testid="patch-window"]'), /^\(1, 2\) reads 4 pixels/, 'window (1, 2) picked by the arrow keys');
  const pixels = [...picked.matchAll(/\[(\d+), (\d+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const poolTruth = python(`
import json, numpy as np
from numpy.lib.stride_tricks import sliding_window_view
img = np.arange(26 * 26).reshape(26, 26)
w = sliding_window_view(img, (2, 2))[::2, ::2]
print(json.dumps([[int(v) // 26, int(v) % 26] for v in w[1, 2].ravel()]))
`);
  check(JSON.stringify(pixels) === JSON.stringify(poolTruth), 'pixels of window (1, 2) (NumPy sliding_window_view[::2, ::2])', poolTruth, pixels);
  check(await result.locator('[data-testid="patch-image"] rect.pg-px').count() === 4, 'the window outline covers its 4 pixels', 4, await result.locator('[data-testid="patch-image"] rect.pg-px').count());
  await shot('maxpool-patch-grid');

  // torch element strides with a storage offset: the PyTorch code shown builds, in torch
  // itself, the view the fields describe; the NumPy code builds the same bytes.
  await frame.locator('select#preset').selectOption('torch-offset');
  const torchCode = await waitForText(result.locator('[data-testid="snippet-torch"]'), /torch\.as_strided\(/, 'PyTorch code for the torch-offset preset');
  const numpyCode = await waitForText(result.locator('[data-testid="snippet-numpy"]'), /import numpy/, 'NumPy code for the torch-offset preset');
  const built = python(`
import json
ns_t, ns_n = {}, {}
exec(${JSON.stringify(torchCode)}, ns_t)
exec(${JSON.stringify(numpyCode)}, ns_n)
t, n = ns_t["view"], ns_n["view"]
print(json.dumps({"size": list(t.shape), "stride": list(t.stride()), "offset": t.storage_offset(),
                  "npShape": list(n.shape), "npStrides": list(n.strides), "npOffset": n.__array_interface__["data"][0] - ns_n.get("buffer", ns_n.get("base")).__array_interface__["data"][0]}))
`);
  check(sameInts(built.size, ints(await field('shape').inputValue())) && sameInts(built.stride, ints(await field('strides').inputValue())) && built.offset === Number(await field('offset').inputValue()),
    'torch builds the view the fields describe (size, stride, storage_offset in elements)', [await field('shape').inputValue(), await field('strides').inputValue(), await field('offset').inputValue()], built);
  check(sameInts(built.npShape, built.size) && sameInts(built.npStrides, built.stride.map((x) => x * 4)) && built.npOffset === built.offset * 4,
    'the NumPy code builds the same view in bytes', built.size, built);
  await result.locator('[data-testid="copy-torch"]').click();
  await waitFor('the copied notification', async () => ((await page.locator('.notifications-toasts').getByText('snippet copied').count()) ? true : undefined));
  await shot('torch-offset-code');
  // Toeplitz walks backwards: NumPy code, and a plain reason instead of PyTorch code.
  await frame.locator('select#preset').selectOption('toeplitz');
  await waitForText(result.locator('[data-testid="snippet-torch-unavailable"]'), /refuses negative strides/, 'no PyTorch code for a negative stride, and why');
  check(await result.locator('[data-testid="snippet-torch"]').count() === 0, 'no PyTorch code shown for a negative stride', 0, await result.locator('[data-testid="snippet-torch"]').count());

  // The seed's mistake: shape (100, 100, 3, 3) over the same image reads past its end.
  await frame.locator('select#preset').selectOption('oob');
  check(sameInts(ints(await field('shape').inputValue()), np.oob.shape), 'oob preset shape', np.oob.shape, await field('shape').inputValue());
  check(sameInts(ints(await field('buffer').inputValue()), np.baseShape) || ints(await field('buffer').inputValue())[0] === np.nbytes,
    'oob preset buffer', np.baseShape, await field('buffer').inputValue());
  const past = np.oob.high - np.nbytes;
  check(past > 0, 'NumPy: the oob view ends past the buffer', '> 0', past);
  await waitForText(result.locator('[data-testid="view-shape"]'), np.oob.shapeText, 'oob view shape');
  const verdict = await waitForText(result.locator('[data-testid="verdict"]'), /reads [\d\s,\u202f]+ B past the end/, 'oob verdict');
  const shown = Number(verdict.match(/reads ([\d\s,\u202f]+) B past the end/)[1].replace(/[^\d]/g, ''));
  check(shown === past, 'bytes past the end (NumPy byte_bounds high − nbytes)', past, verdict);
  check(!/in bounds/.test(verdict), 'oob verdict does not also say in bounds', 'no "in bounds"', verdict);
  // The diagram hatches exactly the bytes past the end: [nbytes, NumPy's high).
  const hatched = result.locator('[data-testid="oob-after"]');
  await hatched.waitFor({ timeout: 10_000 });
  const range = [Number(await hatched.getAttribute('data-low')), Number(await hatched.getAttribute('data-high'))];
  check(range[0] === np.nbytes && range[1] === np.oob.high, 'hatched bytes = past the end (NumPy byte_bounds)', [np.nbytes, np.oob.high], range);
  check(await result.locator('[data-testid="oob-before"]').count() === 0, 'nothing hatched before the start', 0, await result.locator('[data-testid="oob-before"]').count());
  await shot('out-of-bounds');

  // A bad stride: the error names the field and the bad value, and no result is shown.
  await field('strides').fill('112,4,x');
  const error = await waitForText(frame.locator('[data-testid="error"]'), (t) => t.length > 0, 'error for strides 112,4,x');
  check(/strides/.test(error) && /['"`‘“]x['"`’”]/.test(error), 'error names the field and the bad value x', "strides: … 'x' …", error);
  check(await result.locator('[data-testid="verdict"]').count() === 0, 'no verdict while the input is bad', 0, await result.locator('[data-testid="verdict"]').count());
  await shot('bad-stride');

  // Themes: the panel takes its colours from the workbench's theme and re-reads them when the
  // theme changes (this profile starts in a light theme: dark, high contrast, then Light Modern),
  // the stride diagram's swatches included.
  await frame.locator('select#preset').selectOption('oob');
  await result.locator('[data-testid="oob-after"]').waitFor({ timeout: 10_000 });
  const colours = () => frame.evaluate(() => {
    const once = document.querySelector('.sd-swatch.sd-once');
    return {
      background: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim(),
      foreground: getComputedStyle(document.body).color,
      once: once ? getComputedStyle(once).backgroundColor : null,
    };
  });
  const first = await colours();
  const seen = { first };
  let before = first;
  for (const [theme, label] of [['Dark Modern', 'dark'], ['Dark High Contrast', 'high-contrast'], ['Light Modern', 'light-again']]) {
    await runCommand(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input').fill(theme);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: new RegExp(`^${theme}`) }).first().click();
    const prev = before;
    seen[label] = await waitFor(`the panel's colours after switching to ${theme}`, async () => {
      const now = await colours();
      return now.background !== prev.background ? now : undefined;
    });
    before = seen[label];
    await shot(`theme-${label}`);
  }
  check(new Set([first.background, seen.dark.background, seen['high-contrast'].background]).size === 3 && seen.dark.foreground !== first.foreground,
    'light, dark and high-contrast themes give the panel three palettes', 'three palettes', seen);
  check(seen['light-again'].background === first.background && seen['light-again'].once !== seen.dark.once,
    'back in a light theme, the panel is light again and the diagram\'s swatches left their dark colours', { first, dark: seen.dark }, seen['light-again']);
}
