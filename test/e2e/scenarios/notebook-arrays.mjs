/* global getComputedStyle */
// Array outputs in a real VS Code, from saved outputs (no kernel): examples/arrays.ipynb was
// executed by a real kernel with `%load_ext stride_lens` (scripts/make_arrays_notebook.py).
// A colour image renders as a picture, an im2col view shows its patch grid, a 1000×1000
// output scrolls to its last value, a view past its buffer says so, and a malformed payload
// errors in its own output only. Expected values come from NumPy running the notebook's code.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'notebook arrays: pictures, patch grids, big outputs, malformed payloads';
/** Scrolling a notebook of large outputs takes longer than the default two minutes. */
export const timeoutMs = 300_000;

const MIME = 'application/vnd.stride-lens.array.v1+json';
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

export async function run({ page, helpers, shot, workspace }) {
  const { openFile, findFrame, waitFor, waitForText, check, python } = helpers;
  // NumPy's values: the notebook's code cells run again (magics dropped), from examples/.
  const np = python(`
import json, os
os.chdir(${JSON.stringify(examples)})
nb = json.load(open("arrays.ipynb"))
src = "\\n".join(l for c in nb["cells"] if c["cell_type"] == "code" for l in "".join(c["source"]).splitlines() if not l.lstrip().startswith("%"))
ns = {}
exec(src, ns)
photo, big, patches, too_many, image = ns["photo"], ns["big"], ns["patches"], ns["too_many"], ns["image"]
rec = eval(next("".join(c["source"]) for c in nb["cells"] if "dtype=[('id'" in "".join(c["source"])), ns)
print(json.dumps({
  "photoShape": str(photo.shape),
  "px": {f"{r},{c}": [int(v) for v in photo[2 * r, 2 * c]] for r, c in [(0, 0), (60, 100), (120, 160), (239, 319)]},
  "bigLast": str(big[999, 999]), "bigFirst": str(big[0, 0]),
  "patchShape": str(patches.shape), "imageShape": image.shape, "imageBytes": int(image.nbytes),
  "tooManyShape": str(too_many.shape),
  "recShape": str(rec.shape), "recRow1": [str(rec[1]["id"]), str(rec[1]["score"]), str(rec[1]["pos"]["x"]), str(rec[1]["pos"]["y"])],
}))
`);

  // A notebook with a malformed payload next to good ones (copied from arrays.ipynb), written
  // first so that quick open has indexed it when step 5 opens it.
  const saved = JSON.parse(readFileSync(join(examples, 'arrays.ipynb'), 'utf8'));
  const outputsSaved = saved.cells.flatMap((c) => c.outputs ?? []);
  const good = outputsSaved.find((o) => o.data?.[MIME]?.shape?.length === 0);
  const photoOut = outputsSaved.find((o) => o.data?.[MIME]?.shape?.join(',') === '480,640,3');
  check(!!good && !!photoOut, 'arrays.ipynb has a 0-d output and the photo\'s to copy', 'two outputs', [!!good, !!photoOut]);
  const cell = (id, outputs) => ({ cell_type: 'code', id, execution_count: 1, metadata: {}, source: [`# ${id}`], outputs });
  writeFileSync(join(workspace, 'broken-output.ipynb'), JSON.stringify({
    nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: [
      cell('broken', [{ output_type: 'display_data', metadata: {}, data: { [MIME]: { version: 1, unit: 'bytes', itemsize: 8, shape: 'oops' }, 'text/plain': ['broken'] } }]),
      cell('good', [good]),
      cell('photo', [photoOut]),
    ],
  }));

  try {
    await steps();
  } finally {
    // Leave no notebook open: other scenarios look for cells by their text.
    await helpers.runCommand(page, 'View: Close All Editors').catch(() => {});
  }

  async function steps() {
    await openFile(page, 'arrays.ipynb');
    const frame = await findFrame(page, 'Stride Lens array', { timeout: 45_000 });
    const outputs = frame.locator('[data-testid="array-output"]');
    const output = (shape) => outputs.filter({ has: frame.locator('[data-testid="array-shape"]', { hasText: shape }) }).first();
    const notebookBox = await page.locator('.notebook-editor').first().boundingBox();
    /**
     * Scroll the notebook until `locator` (in the outputs' frame) is rendered and on screen:
     * outputs render lazily, and the webview scrolls with the notebook, not by itself.
     */
    async function scrollTo(locator, what) {
      const top = notebookBox.y + 40;
      const bottom = notebookBox.y + notebookBox.height - 120;
      await page.mouse.move(notebookBox.x + 12, notebookBox.y + notebookBox.height / 2);
      await waitFor(what, async () => {
        const box = (await locator.count()) ? await locator.first().boundingBox() : null;
        if (box && box.y >= top && box.y <= bottom) return true;
        const dy = !box ? 1200 : box.y > bottom ? Math.min(1500, box.y - top) : Math.max(-1500, box.y - top);
        await page.mouse.wheel(0, dy);
        return undefined;
      }, { timeout: 90_000, interval: 300 });
    }

    // 1. The photo: a picture at its aspect ratio, every 2nd pixel, pixels as NumPy has them.
    const photo = output(np.photoShape);
    await scrollTo(photo.locator('[data-testid="array-image"][data-ready="yes"]'), 'the photo drawn as a picture');
    const canvas = photo.locator('[data-testid="array-image"]');
    const size = `${await canvas.getAttribute('width')} × ${await canvas.getAttribute('height')}`;
    check(size === '320 × 240', 'photo output: a 240 × 320 picture (aspect kept)', '320 × 240', size);
    await waitForText(photo.locator('[data-testid="array-image-caption"]'), /^480 × 640 RGB \(channels last, 0–255\); every 2nd pixel/, 'photo output: picture caption');
    for (const [rc, rgb] of Object.entries(np.px)) {
      const [r, c] = rc.split(',').map(Number);
      const got = await canvas.evaluate((el, [y, x]) => Array.from(el.getContext('2d').getImageData(x, y, 1, 1).data).slice(0, 3), [r, c]);
      check(JSON.stringify(got) === JSON.stringify(rgb), `photo output: pixel (${r}, ${c}) is NumPy's photo[${2 * r}, ${2 * c}]`, rgb, got);
    }
    await shot('photo');

    // 1b. Themes: the output follows the workbench theme (its colours are VS Code's variables).
    const colour = () => photo.locator('[data-testid="array-output-title"]').evaluate((el) => getComputedStyle(el).color);
    const light = await colour();
    try {
      await helpers.setTheme(page, 'Dark Modern');
      const dark = await waitFor('the output\'s text colour to follow the dark theme', async () => {
        const c = await colour();
        return c !== light ? c : undefined;
      });
      check(dark !== light, 'the output\'s text colour changes with the theme', `not ${light}`, dark);
      await scrollTo(photo.locator('[data-testid="array-image"]'), 'the photo in the dark theme');
      await shot('photo-dark');
    } finally {
      await helpers.setTheme(page, 'Light Modern').catch(() => {});
    }

    // 2. The im2col view: its patch grid over the 28×28 image, in bounds.
    const patches = output(np.patchShape);
    await scrollTo(patches.locator('[data-testid="patch-caption"]'), 'the patches output with its patch grid');
    await waitForText(patches.locator('[data-testid="patch-caption"]'), (t) => t.startsWith(`26×26 windows of 3×3 over the ${np.imageShape[0]}×${np.imageShape[1]} image`), 'patches output: patch grid caption');
    await waitForText(patches.locator('[data-testid="verdict"]'), (t) => t.startsWith('✓ in bounds'), 'patches output: in bounds');
    await shot('patches');

    // 3. The 1000×1000 float32 output: the grid scrolls to its last value, read from the output.
    const big = output('(1000, 1000)');
    await scrollTo(big.locator('[data-testid="npy-grid"] [data-r="0"][data-c="0"]'), 'the 1000×1000 output\'s grid');
    await waitForText(big.locator('[data-testid="npy-grid"] [data-r="0"][data-c="0"]'), np.bigFirst, 'big output: [0, 0] as NumPy prints it');
    await big.locator('[data-testid="npy-grid"] [data-r="0"][data-c="0"]').click();
    await page.keyboard.press('Control+End');
    await waitForText(big.locator('[data-testid="npy-selected"]'), `[999, 999] = ${np.bigLast}`, 'big output: Ctrl+End selects [999, 999], read on demand');
    await scrollTo(big.locator('[data-testid="npy-grid"]'), 'the big output\'s grid back on screen'); // the key also moved the notebook
    await shot('big');

    // 3b. A structured array: a table with one column per leaf field, values as NumPy prints them.
    const rec = output(np.recShape);
    const table = rec.locator('[data-testid="array-fields"]');
    await scrollTo(table, 'the structured output\'s field table');
    const head = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    check(JSON.stringify(head) === JSON.stringify(['index', 'id', 'score', 'pos.x', 'pos.y']), 'structured output: one column per leaf field', ['index', 'id', 'score', 'pos.x', 'pos.y'], head);
    const row1 = (await table.locator('tbody tr').nth(1).locator('td').allTextContents()).map((t) => t.trim());
    check(JSON.stringify(row1) === JSON.stringify(np.recRow1), 'structured output: record 1 as NumPy prints its fields', np.recRow1, row1);
    await shot('records');

    // 4. A view past its buffer: said so, values outside never read.
    const tooMany = output(np.tooManyShape);
    await scrollTo(tooMany.locator('[data-testid="verdict"]'), 'the too_many output\'s verdict');
    await waitForText(tooMany.locator('[data-testid="verdict"]'), (t) => t.includes('past the end of the buffer') && t.includes(`(${np.imageBytes} B)`), 'too_many output: reads past the end');
    await shot('too-many');

    // 5. A malformed payload next to a good one: the error stays in its own output.
    await openFile(page, 'broken-output.ipynb');
    const f2 = await findFrame(page, 'Cannot show this output', { timeout: 45_000 });
    await waitForText(f2.locator('[data-testid="array-output-error"]'), (t) => t.includes('malformed array output: "shape" should be a list'), 'the malformed payload names its bad field');
    // Outputs render in any order: look for the 0-d one among them.
    await waitForText(f2.locator('[data-testid="array-shape"]', { hasText: /^\(\)$/ }), '()', 'the good output next to it still renders (a 0-d array)');
    await shot('malformed');

    // 6. Enable in Notebook inserts the loader cell at the top; its code imports the helper the
    // extension ships when the environment has none (run here by Python without stride_lens installed).
    await helpers.runCommand(page, 'Stride Lens: Enable in Notebook');
    const first = page.locator('.cell-editor-container .monaco-editor').filter({ hasText: 'except ImportError' }).first();
    const loader = await waitFor('the loader cell', async () => {
      const t = (await first.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
      return t.includes('%load_ext stride_lens') ? t : undefined;
    });
    const firstCell = (await page.locator('.cell-editor-container .monaco-editor').filter({ hasText: '# broken' }).first().boundingBox());
    check((await first.boundingBox()).y < firstCell.y, 'the loader cell is inserted above the notebook\'s first cell', 'above', 'below');
    const pathLine = loader.split('\n').find((l) => l.includes('sys.path.append('));
    check(!!pathLine, 'the loader cell adds the shipped helper to sys.path', 'sys.path.append(…)', loader);
    const imported = python(`
import json, sys
sys.path = [p for p in sys.path if 'python' not in p.split('/')[-1:]]  # no repo checkout on the path
try:
    import stride_lens
    raise SystemExit('stride_lens is importable without the loader: the check would prove nothing')
except ImportError:
    pass
${pathLine.trim()}
import stride_lens
print(json.dumps({"file": stride_lens.__file__, "has": hasattr(stride_lens, "load_ipython_extension")}))
`);
    check(imported.has && imported.file.includes('extensions'), 'the loader cell imports the helper shipped in the installed extension', 'a stride_lens from the extension', imported);
    await shot('enable-in-notebook');

    // 7. Open in panel: the output's array opens in the array viewer (a .npy the renderer wrote).
    const openButton = f2.locator('[data-testid="array-output"]').filter({ has: f2.locator('[data-testid="array-shape"]', { hasText: np.photoShape }) }).first().locator('[data-testid="array-open-panel"]');
    await scrollTo(openButton, 'the photo output\'s Open in panel button');
    await openButton.click();
    const viewer = await waitFor('the array viewer opened from the output', async () => {
      for (const f of page.frames()) {
        const shape = f.locator('[data-testid="npy-shape"]');
        if ((await shape.count().catch(() => 0)) && (await shape.textContent()) === np.photoShape) return f;
      }
      return undefined;
    }, { timeout: 30_000 });
    await waitFor('the opened array drawn as a picture', async () => ((await viewer.locator('[data-testid="array-image"]').getAttribute('data-ready')) === 'yes' ? true : undefined), { timeout: 30_000 });
    const [r0, c0] = [60, 100];
    const px = await viewer.locator('[data-testid="array-image"]').evaluate((el, [y, x]) => Array.from(el.getContext('2d').getImageData(x, y, 1, 1).data).slice(0, 3), [r0, c0]);
    check(JSON.stringify(px) === JSON.stringify(np.px[`${r0},${c0}`]), 'the opened .npy holds the photo: pixel (60, 100)', np.px[`${r0},${c0}`], px);
    await shot('open-in-panel');
  }
}
