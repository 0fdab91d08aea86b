/* global document */
import { fileURLToPath } from 'node:url';
// The array viewer in a real VS Code: opening .npy/.npz files shows the custom editor with the
// header facts, values, statistics; slicing changes what is shown; a malformed file shows its
// error and the viewer keeps working. Every expected value comes from NumPy loading the file.
export const name = 'array viewer: .npy/.npz header, values, slicing, stats, malformed file';

/** What NumPy reads from each example file (header facts, chosen values as NumPy prints them). */
function numpyTruth(python) {
  return python(`
import json, numpy as np
def header(path):
    with open(path, 'rb') as f:
        major, minor = np.lib.format.read_magic(f)
        shape, fortran, dtype = np.lib.format._read_array_header(f, (major, minor))
        return {"version": f"{major}.{minor}", "offset": f.tell()}
def facts(a, path=None):
    out = {"name": a.dtype.name, "str": a.dtype.str, "shape": str(a.shape), "strides": str(a.strides),
           "itemsize": int(a.itemsize), "nbytes": int(a.nbytes), "fortran": bool(a.flags.f_contiguous and not a.flags.c_contiguous),
           "order": a.dtype.byteorder}
    if path: out.update(header(path))
    return out
d = 'data/'
img = np.load(d + 'image_28x28_f4.npy')
f4d = np.load(d + 'features_4d_i2_fortran.npy')
be = np.load(d + 'bigendian_f8.npy')
z = np.load(d + 'conv_layer.npz')
err = None
try:
    np.load(d + 'malformed.npy')
except Exception as e:
    err = str(e)
fin = img[np.isfinite(img)]
print(json.dumps({
  "img": facts(img, d + 'image_28x28_f4.npy'),
  "imgT": {"strides": list(img.T.strides), "shape": list(img.T.shape)},
  "imgCells": {f"{r},{c}": str(img[r, c]) for r in range(0, 9) for c in range(0, 9)},
  "imgLast": str(img[27, 27]),
  "imgSliced": {f"{r},{c}": str(img[5:, ::3][r, c]) for r in range(0, 4) for c in range(0, 4)},
  "imgStats": {"min": float(fin.min()), "max": float(fin.max()), "mean": float(fin.astype(np.float64).mean()),
               "nan": int(np.isnan(img).sum()), "posinf": int(np.isposinf(img).sum()), "neginf": int(np.isneginf(img).sum())},
  "f4d": facts(f4d, d + 'features_4d_i2_fortran.npy'),
  "f4dDefault": {f"{r},{c}": str(f4d[0, 0, r, c]) for r in range(3) for c in range(3)},
  "f4dRowsAxis0": {f"{r},{c}": str(f4d[:, 0, 0, :][r, c]) for r in range(3) for c in range(3)},
  "f4dExpr": {f"{r},{c}": str(f4d[1, :, 2, :][r, c]) for r in range(4) for c in range(3)},
  "be": facts(be, d + 'bigendian_f8.npy'),
  "beCells": {f"{r},{c}": str(be[r, c]) for r in range(4) for c in range(6)},
  "npzFiles": [k + '.npy' for k in z.files],
  "weight": facts(z['weight']),
  "weightCells": {f"0,{c}": str(z['weight'][0, 0, 0, c]) for c in range(3)},
  "bias": facts(z['bias']),
  "biasCells": {f"0,{c}": str(z['bias'][c]) for c in range(8)},
  "malformedError": err,
}))
`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function run({ page, helpers, shot }) {
  const { runCommand, openFile, findFrame, findPlayground, waitForText, waitFor, check, python } = helpers;
  // python() runs with the workspace (examples/) unknown: run it from the repository root.
  const np = numpyTruth((code) => python(`import os; os.chdir(${JSON.stringify(fileURLToPath(new URL('../../../examples/', import.meta.url)))})\n${code}`));

  const focusWorkbench = () => helpers.focusWorkbench(page);
  /** Open `file` (under examples/data) by clicking it in the explorer and return the viewer's frame. */
  async function openViewer(file) {
    await focusWorkbench();
    const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: file }).first();
    for (let attempt = 1; ; attempt++) {
      try {
        await row.click({ timeout: 5_000 });
        await page.locator('.tabs-container .tab.active').filter({ hasText: file }).waitFor({ timeout: 10_000 });
        return await findFrame(page, file, { timeout: 30_000 });
      } catch (e) {
        if (attempt >= 2) throw e;
        await focusWorkbench();
        await openFile(page, `data/${file}`).catch(() => {});
      }
    }
  }
  const tid = (frame, id) => frame.locator(`[data-testid="${id}"]`);
  const cell = (frame, r, c) => frame.locator(`[data-testid="npy-grid"] [data-r="${r}"][data-c="${c}"]`);
  /** The grid renders only the cells in view (columns are as wide as the dtype's values): scroll cell (r, c) into it. */
  async function showCell(frame, r, c) {
    await frame.locator('[data-testid="npy-grid"]').evaluate((el, [row, col]) => {
      const w = el.querySelector('.npy-cell')?.offsetWidth ?? 120;
      el.scrollLeft = Math.max(0, col * w - 80);
      el.scrollTop = Math.max(0, row * 22 - 44);
    }, [r, c]);
  }
  async function checkCells(frame, expected, what) {
    for (const [rc, text] of Object.entries(expected)) {
      const [r, c] = rc.split(',').map(Number);
      await showCell(frame, r, c);
      await waitForText(cell(frame, r, c), text, `${what}: cell (${r}, ${c}) as NumPy prints it`);
    }
  }
  async function checkHeader(frame, f, what) {
    await waitForText(tid(frame, 'npy-shape'), f.shape, `${what}: shape`);
    await waitForText(tid(frame, 'npy-strides'), `${f.strides} bytes`, `${what}: strides NumPy gives`);
    await waitForText(tid(frame, 'npy-dtype'), (t) => t.startsWith(f.name) && t.includes(f.str), `${what}: dtype ${f.name} ${f.str}`);
    await waitForText(tid(frame, 'npy-itemsize'), `${f.itemsize} bytes`, `${what}: itemsize`);
    await waitForText(tid(frame, 'npy-nbytes'), String(f.nbytes), `${what}: nbytes`);
    await waitForText(tid(frame, 'npy-order'), f.fortran ? /^Fortran/ : /^C /, `${what}: order`);
    if (f.version) await waitForText(tid(frame, 'npy-version'), f.version, `${what}: format version`);
    if (f.offset) await waitForText(tid(frame, 'npy-offset'), `${f.offset} bytes`, `${what}: data offset`);
  }

  // 1. A 2-d float32 image with NaN, +inf and -inf.
  let frame = await openViewer('image_28x28_f4.npy');
  await checkHeader(frame, np.img, 'image');
  await checkCells(frame, np.imgCells, 'image');
  await showCell(frame, 3, 4);
  check(/npy-nan/.test(await cell(frame, 3, 4).getAttribute('class')), 'NaN cell marked', 'class npy-nan', await cell(frame, 3, 4).getAttribute('class'));
  await showCell(frame, 5, 6);
  check(/npy-posinf/.test(await cell(frame, 5, 6).getAttribute('class')), '+inf cell marked', 'class npy-posinf', await cell(frame, 5, 6).getAttribute('class'));
  await showCell(frame, 7, 8);
  check(/npy-neginf/.test(await cell(frame, 7, 8).getAttribute('class')), '-inf cell marked', 'class npy-neginf', await cell(frame, 7, 8).getAttribute('class'));
  // Statistics from the worker, exact over all 784 values.
  await waitForText(tid(frame, 'npy-stat-nan'), String(np.imgStats.nan), 'image: NaN count', { timeout: 30_000 });
  await waitForText(tid(frame, 'npy-stat-inf'), `${np.imgStats.posinf} / ${np.imgStats.neginf}`, 'image: +inf / -inf counts');
  for (const k of ['min', 'max', 'mean']) {
    const shown = Number(await tid(frame, `npy-stat-${k}`).textContent());
    check(Math.abs(shown - np.imgStats[k]) <= 1e-6 * Math.max(1, Math.abs(np.imgStats[k])), `image: ${k} (finite values)`, np.imgStats[k], shown);
  }
  // Keyboard: the grid moves its selection with the arrows.
  await showCell(frame, 0, 0);
  await cell(frame, 0, 0).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await waitForText(tid(frame, 'npy-selected'), `[1, 1] = ${np.imgCells['1,1']}`, 'image: selection after ArrowDown, ArrowRight');
  // Virtualized: only the visible cells are in the page; Ctrl+End scrolls to the last cell and reads it.
  const inDom = await frame.locator('[data-testid="npy-grid"] [role="gridcell"]').count();
  check(inDom > 0 && inDom < 28 * 28, 'image: only visible cells are rendered', '< 784', inDom);
  await page.keyboard.press('Control+End');
  await waitForText(tid(frame, 'npy-selected'), `[27, 27] = ${np.imgLast}`, 'image: Ctrl+End selects the last cell, loaded on demand');
  await page.keyboard.press('Control+Home');
  // The stride diagram of the array's .T over the file's data: the index grid's addresses are
  // those NumPy's img.T strides give, and the whole strip is the file's nbytes.
  await tid(frame, 'npy-diagram-of').selectOption('T');
  const strip = tid(frame, 'byte-strip');
  await helpers.waitFor('.T diagram over the file data', async () => {
    const label = (await strip.count()) ? await strip.getAttribute('aria-label') : null;
    return label?.startsWith(`buffer of ${np.img.nbytes} bytes`) ? label : undefined;
  });
  const [sT0, sT1] = np.imgT.strides;
  for (const [i, j] of [[0, 1], [1, 0], [2, 3]]) {
    await waitForText(frame.locator(`[data-testid="index-grid"] td[data-index="${i},${j}"]`), String(i * sT0 + j * sT1), `.T index (${i}, ${j}) starts at byte i·${sT0} + j·${sT1} (NumPy)`);
  }
  await strip.scrollIntoViewIfNeeded();
  await shot('image-T-diagram');
  await frame.locator('[data-testid="npy-heat"]').check();
  await shot('image-f4');
  // The heatmap draws every value of the 28 × 28 grid (no sampling needed).
  const shape = JSON.parse(np.img.shape.replace('(', '[').replace(')', ']'));
  await waitForText(tid(frame, 'npy-heatmap-caption'), new RegExp(`^all ${shape[0]} × ${shape[1]} values`), 'image: heatmap caption');
  await waitFor('the heatmap canvas sized to the grid', async () => {
    const w = await tid(frame, 'npy-heatmap').getAttribute('width');
    return Number(w) === shape[1] ? w : undefined;
  });
  await tid(frame, 'npy-stats').scrollIntoViewIfNeeded();
  await shot('image-heatmap-stats');
  await frame.locator('h1').first().scrollIntoViewIfNeeded();
  // Slicing: a NumPy index expression changes what is shown.
  await frame.locator('[data-testid="npy-index"]').fill('[5:, ::3]');
  await waitForText(tid(frame, 'npy-showing'), /a\[5:, ::3\]/, 'image: the expression is shown');
  await checkCells(frame, np.imgSliced, 'image[5:, ::3]');
  await shot('image-sliced');
  // The webview reloads (as when its tab comes back): the slice is restored from its saved state.
  await focusWorkbench();
  await runCommand(page, 'Developer: Reload Webviews');
  await sleep(1000);
  frame = await findFrame(page, 'image_28x28_f4.npy', { timeout: 30_000 });
  await waitForText(tid(frame, 'npy-showing'), /a\[5:, ::3\]/, 'image: the slice survives a webview reload');
  await checkCells(frame, { '1,2': np.imgSliced['1,2'] }, 'image[5:, ::3] after the reload');

  // 2. A 4-d int16 array in Fortran order: default shows the last two axes; pick other axes.
  frame = await openViewer('features_4d_i2_fortran.npy');
  await checkHeader(frame, np.f4d, '4-d Fortran');
  await checkCells(frame, np.f4dDefault, '4-d a[0, 0, :, :]');
  await frame.locator('[data-testid="npy-rows"]').selectOption('0');
  await checkCells(frame, np.f4dRowsAxis0, '4-d rows = axis 0: a[:, 0, 0, :]');
  await shot('fortran-4d-axis0');
  await frame.locator('[data-testid="npy-index"]').fill('[1, :, 2, :]');
  await checkCells(frame, np.f4dExpr, '4-d a[1, :, 2, :]');
  await shot('fortran-4d-expression');
  // The layout section opens the Layout Playground on the array's .T over the file's data:
  // the view NumPy's a.T is, inside the buffer (a Fortran file's buffer given in bytes).
  const fT = python(`
import json, numpy as np
a = np.load(${JSON.stringify(fileURLToPath(new URL('../../../examples/data/features_4d_i2_fortran.npy', import.meta.url)))})
print(json.dumps({"shape": str(a.T.shape), "strides": list(a.T.strides), "nbytes": int(a.nbytes)}))
`);
  await tid(frame, 'npy-diagram-of').selectOption('T');
  await tid(frame, 'npy-open-playground').click();
  const playground = await findPlayground(page, { timeout: 30_000 });
  await waitForText(playground.locator('[data-testid="view-shape"]'), fT.shape, 'playground from the viewer: a.T shape (NumPy)');
  const shownStrides = (await playground.locator('#strides').inputValue()).split(',').map((x) => Number(x.trim()));
  check(JSON.stringify(shownStrides) === JSON.stringify(fT.strides), 'playground from the viewer: a.T strides (NumPy)', fT.strides, shownStrides);
  await waitForText(playground.locator('[data-testid="verdict"]'), (t) => t.includes(`in bounds`) && t.includes(`of ${fT.nbytes}`), `playground from the viewer: in bounds of the file's ${fT.nbytes} B`);
  await shot('fortran-4d-T-in-playground');

  // 3. The "big-endian" example: byte order as NumPy reads it, values as NumPy prints them.
  // Opened from the explorer's context menu (Inspect .npy/.npz).
  await focusWorkbench();
  await runCommand(page, 'View: Close All Editors');
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'bigendian_f8.npy' }).first();
  await row.click({ button: 'right' });
  const inspectItem = page.locator('.context-view .action-label, .monaco-menu .action-label').filter({ hasText: 'Inspect .npy/.npz' }).first();
  await inspectItem.hover();
  await inspectItem.click();
  // A click can land while the menu is still animating in and be lost; the hovered item is
  // selected by then, so Enter picks it (only while the menu is still open).
  await page.waitForTimeout(500);
  if (await inspectItem.isVisible().catch(() => false)) await page.keyboard.press('Enter');
  frame = await findFrame(page, 'bigendian_f8.npy', { timeout: 30_000 });
  await checkHeader(frame, np.be, 'bigendian_f8');
  const order = np.be.str.startsWith('>') ? 'big-endian' : 'little-endian';
  await waitForText(tid(frame, 'npy-dtype'), (t) => t.includes(order), `bigendian_f8: ${order}`);
  await checkCells(frame, np.beCells, 'bigendian_f8');
  await shot('bigendian-f8');

  // 4. An .npz: the member list, the first member shown, another member on click.
  // Opened from the palette: Stride Lens: Inspect .npy/.npz asks for a file.
  await focusWorkbench();
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Stride Lens: Inspect .npy/.npz');
  const pathInput = page.locator('.quick-input-widget input');
  await pathInput.waitFor({ state: 'visible', timeout: 10_000 });
  // The file dialog (a quick input in the browser) lists a folder; go to data/ and pick the archive.
  await waitFor('the file dialog to show a folder', async () => ((await pathInput.inputValue()).endsWith('/') ? true : undefined));
  const dir = await pathInput.inputValue();
  if (!dir.endsWith('/data/')) await pathInput.fill(`${dir.replace(/\/data\/$/, '/')}data/`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'conv_layer.npz' }).first().click({ timeout: 10_000 });
  await waitFor('the dialog to hold the archive', async () => ((await pathInput.inputValue()).endsWith('conv_layer.npz') ? true : undefined));
  await page.keyboard.press('Enter');
  frame = await findFrame(page, 'conv_layer.npz', { timeout: 30_000 });
  await waitFor('the npz member list', async () => {
    const names = (await tid(frame, 'npy-members').locator('button').allTextContents()).map((t) => t.trim());
    return names.length === np.npzFiles.length && np.npzFiles.every((n) => names.includes(n)) ? names : undefined;
  });
  await checkHeader(frame, np.weight, 'conv_layer.npz/weight.npy');
  await checkCells(frame, np.weightCells, 'weight[0, 0, 0, :]');
  await tid(frame, 'npy-members').locator('button', { hasText: 'bias.npy' }).click();
  await checkHeader(frame, np.bias, 'conv_layer.npz/bias.npy');
  await checkCells(frame, np.biasCells, 'bias');
  await shot('npz-bias');

  // 5. A malformed header: NumPy refuses it; the viewer shows the reader's message.
  check(typeof np.malformedError === 'string', 'NumPy refuses malformed.npy', 'an error', np.malformedError);
  frame = await openViewer('malformed.npy');
  // NumPy 1.24 fails inside its header tokenizer; the reader says what is wrong and quotes the header's bytes.
  await waitForText(tid(frame, 'npy-error'), (t) => t.includes('malformed.npy') && /parse header/i.test(t) && t.includes("'descr': '<f4'"),
    'malformed.npy: the error names the file, says the header does not parse and quotes it');
  check(await tid(frame, 'npy-grid').count() === 0, 'malformed.npy: no values grid', 0, await tid(frame, 'npy-grid').count());
  await shot('malformed');

  // 6. The extension keeps working: another file opens and shows its values.
  frame = await openViewer('image_28x28_f4.npy');
  await checkCells(frame, { '0,0': np.imgCells['0,0'], '3,4': np.imgCells['3,4'] }, 'image after the malformed file');
  await shot('after-malformed');

  // 6b. A (480, 640, 3) uint8 photo opens as a picture at its aspect ratio (sampled every 2nd
  // pixel on both axes), its grid on the image's rows × columns, not a 640 × 3 slice.
  const photo = python(`
import json, numpy as np
p = np.load(${JSON.stringify(fileURLToPath(new URL('../../../examples/data/photo_480x640_rgb.npy', import.meta.url)))})
print(json.dumps({"shape": str(p.shape), "px": {f"{r},{c}": [int(v) for v in p[2 * r, 2 * c]] for r, c in [(0, 0), (110, 210), (180, 70), (239, 319)]}, "cell": str(p[0, 5, 0])}))
`);
  frame = await openViewer('photo_480x640_rgb.npy');
  await waitForText(tid(frame, 'npy-shape'), photo.shape, 'photo: shape');
  await waitFor('the photo drawn as a picture', async () => ((await tid(frame, 'array-image').getAttribute('data-ready')) === 'yes' ? true : undefined), { timeout: 30_000 });
  check(await tid(frame, 'array-image').getAttribute('width') === '320' && await tid(frame, 'array-image').getAttribute('height') === '240', 'photo: the picture is 240 × 320 (every 2nd pixel, aspect kept)', '320 × 240',
    `${await tid(frame, 'array-image').getAttribute('width')} × ${await tid(frame, 'array-image').getAttribute('height')}`);
  await waitForText(tid(frame, 'array-image-caption'), /^480 × 640 RGB \(channels last, 0–255\); every 2nd pixel/, 'photo: picture caption');
  for (const [rc, rgb] of Object.entries(photo.px)) {
    const [r, c] = rc.split(',').map(Number);
    const got = await frame.evaluate(([y, x]) => Array.from(document.querySelector('[data-testid="array-image"]').getContext('2d').getImageData(x, y, 1, 1).data).slice(0, 3), [r, c]);
    check(JSON.stringify(got) === JSON.stringify(rgb), `photo: picture pixel (${r}, ${c}) is NumPy's photo[${2 * r}, ${2 * c}]`, rgb, got);
  }
  await waitForText(tid(frame, 'npy-showing'), /a\[:, :, 0\]: 480 × 640/, 'photo: the grid shows the image rows × columns at channel 0');
  await checkCells(frame, { '0,5': photo.cell }, 'photo[0, 5, 0]');
  await shot('photo-picture');

  // 7. Themes: the heatmap re-reads its colours from the theme when it changes.
  const heat = tid(frame, 'npy-heatmap');
  await heat.scrollIntoViewIfNeeded();
  const pixel = () => frame.evaluate(() => {
    const c = document.querySelector('[data-testid="npy-heatmap"]');
    return Array.from(c.getContext('2d').getImageData(0, 0, 1, 1).data).join(',');
  });
  await waitFor('the heatmap to be drawn', async () => ((await pixel()) !== '0,0,0,0' ? true : undefined));
  const before = await pixel();
  async function theme(label) {
    await focusWorkbench();
    await helpers.setTheme(page, label);
  }
  try {
    await theme('Dark Modern');
    const dark = await waitFor('the heatmap colours to follow the dark theme', async () => {
      const p = await pixel();
      return p !== before && p !== '0,0,0,0' ? p : undefined;
    });
    await shot('theme-dark');
    await theme('Light High Contrast');
    await waitFor('the heatmap colours to follow the high-contrast theme', async () => ((await pixel()) !== dark ? true : undefined));
    await shot('theme-high-contrast');
  } finally {
    await theme('Light Modern').catch(() => {});
  }
}
