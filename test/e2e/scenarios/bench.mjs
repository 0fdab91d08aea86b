// Kernel benchmarks in a real VS Code: the transpose suite from the palette at the small size
// (progress shows, the panel shows every variant verified — ours, WebAssembly and NumPy's —
// with a bar each), Cancel stops a long run, and "Benchmark this view" on the seed's im2col
// call times it in NumPy, then says plainly when the configured Python cannot be run.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'benchmarks: transpose suite from the palette, cancel, Benchmark this view with and without NumPy';

async function pick(page, waitFor, label) {
  // By the start of the row's text: the label (other rows may name it in their description).
  // Typed into the filter and chosen with Enter once it is the first row: a click can land
  // while the list is still re-rendering and time out waiting for the row to be stable.
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: new RegExp(`^\\s*${label}`) }).first().waitFor({ timeout: 15_000 });
  await page.locator('.quick-input-widget input').fill(label);
  await waitFor(`"${label}" first in the list`, async () => (new RegExp(`^\\s*${label}`).test(await rows.first().innerText().catch(() => '')) ? true : undefined));
  await page.keyboard.press('Enter');
}

/** Rows of the panel as [variant, verified]. */
async function rows(frame, group) {
  const scope = group ? frame.locator('section').filter({ hasText: group }) : frame;
  return scope.locator('[data-testid="bench-row"]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-variant'), tr.getAttribute('data-verified')]));
}

export async function run({ page, helpers, shot, workspace }) {
  const { runCommand, findFrame, waitFor, waitForText, check, openFile, waitForLens } = helpers;

  // The transpose suite at the small size, from the palette.
  await runCommand(page, 'Stride Lens: Run Kernel Benchmarks');
  await pick(page, waitFor, 'transpose');
  await pick(page, waitFor, 'Small');
  await waitFor('the progress notification', async () => ((await page.locator('.notification-toast').filter({ hasText: 'Stride Lens: benchmarking' }).count()) > 0 ? true : undefined), { timeout: 20_000 });
  const frame = await findFrame(page, 'Kernel benchmarks');
  await shot('bench-running');
  await waitForText(frame.locator('[data-testid="bench-machine"]'), /cores/, 'the machine line once the run has finished', { timeout: 180_000 });
  const done = await rows(frame, 'transpose 512x512');
  const names = done.map(([v]) => v);
  for (const want of ['copy (baseline)', 'naive transpose', 'numpy:a.T.copy()']) check(names.includes(want), `the panel lists ${want}`, want, names);
  check(names.some((v) => /^blocked transpose \(tile \d+\)$/.test(v)), 'the TypeScript blocked transpose names the tile its sweep chose', 'blocked transpose (tile N)', names);
  check(names.some((v) => /^wasm SIMD blocked transpose \(tile \d+\)$/.test(v)), 'the WebAssembly transpose ran', 'wasm SIMD blocked transpose (tile N)', names);
  check(done.every(([, ok]) => ok === 'true'), 'every variant verified against the naive one before timing', 'all true', done);
  const chart = frame.locator('[data-testid="bench-chart-transpose"]');
  const bars = await chart.locator('[data-testid="bench-bar"]').count();
  check(bars === done.length, 'a bar per verified variant', done.length, bars);
  check(await chart.locator('[data-testid="bench-whisker"]').count() === done.length, 'an IQR whisker per bar', done.length, await chart.locator('[data-testid="bench-whisker"]').count());
  const machine = await frame.locator('[data-testid="bench-machine"]').innerText();
  check(/NumPy \d+\.\d+/.test(machine), 'the machine line names NumPy and its threads', 'NumPy x.y … BLAS threads', machine);
  await shot('bench-transpose');

  // A long run (conv2d at 224×224×3 → 64) is stopped by the panel's Cancel. Run from the
  // workbench: run from the results panel, VS Code gives the webview focus back once the
  // palette closes, and when that lands after the command's quick pick opened, the pick closes.
  await helpers.focusWorkbench(page);
  await runCommand(page, 'Stride Lens: Run Kernel Benchmarks');
  await pick(page, waitFor, 'conv2d');
  await pick(page, waitFor, 'Large');
  await frame.locator('[data-testid="bench-cancel"]').waitFor({ timeout: 20_000 });
  await waitFor('the first conv2d result', async () => ((await rows(frame, 'conv2d')).length > 0 ? true : undefined), { timeout: 60_000 });
  const t0 = Date.now();
  await frame.locator('[data-testid="bench-cancel"]').click();
  await frame.locator('[data-testid="bench-cancelled"]').waitFor({ timeout: 15_000 });
  const kept = await rows(frame, 'conv2d');
  check(Date.now() - t0 < 15_000 && kept.length < 5, 'Cancel stops the run, keeping what was measured', '< 5 variants', kept);
  await shot('bench-cancelled');

  // Benchmark this view on the seed's im2col call: times in the user's NumPy.
  await openFile(page, 'conv2d_im2col.py');
  await waitForLens(page, 'Benchmark this view');
  await page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: 'Benchmark this view' }).first().click();
  await waitForText(frame.locator('h2').filter({ hasText: 'This view' }), 'This view, 26x26x3x3, in NumPy', 'the view benchmark heading', { timeout: 60_000 });
  await waitForText(frame.locator('[data-testid="bench-machine"]'), /NumPy \d/, 'the view run finished', { timeout: 60_000 });
  const view = await rows(frame, 'This view');
  check(JSON.stringify(view.map(([v]) => v)) === JSON.stringify(['numpy:view.copy()', 'numpy:view.sum(axis=(2, 3))', 'numpy:contiguous copy of the same bytes',
    'numpy:view.copy() (source in F order)', 'numpy:view.sum(axis=(2, 3)) (source in F order)']), 'the view is materialised, reduced, copied and retried over the F-ordered source', 'five variants', view);
  const copyRow = await frame.locator('[data-testid="bench-row"][data-variant="numpy:view.copy()"]').innerText();
  check(/GB\/s/.test(copyRow) && / %/.test(copyRow), 'the view copy shows GB/s and its fraction of the copy', 'GB/s … %', copyRow);
  await shot('bench-this-view');

  // The same with a Python that cannot be run: said plainly, nothing timed.
  const settings = join(workspace, '.vscode');
  mkdirSync(settings, { recursive: true });
  writeFileSync(join(settings, 'settings.json'), JSON.stringify({ 'strideLens.pythonPath': join(workspace, 'no-such-python') }));
  try {
    // VS Code reads the new settings file a moment later: until it has, the lens still runs python3
    let said;
    for (let attempt = 0; attempt < 5 && !said; attempt++) {
      await helpers.tab(page, 'conv2d_im2col.py').first().click();
      await waitForLens(page, 'Benchmark this view');
      await page.locator('.monaco-editor .codelens-decoration a').filter({ hasText: 'Benchmark this view' }).first().click();
      said = await waitForText(frame.locator('[data-testid="bench-empty"]'), /^Nothing was timed: could not run .*no-such-python/, 'the panel says why nothing was timed', { timeout: 20_000 })
        .catch(() => undefined);
    }
    check(said, 'the panel says why nothing was timed', 'Nothing was timed: could not run …no-such-python', said);
    await waitFor('the warning naming the setting', async () => ((await page.locator('.notification-toast').filter({ hasText: 'Benchmark this view needs NumPy' }).count()) > 0 ? true : undefined));
    await shot('bench-no-numpy');
  } finally {
    rmSync(settings, { recursive: true, force: true });
    // leave the workbench as the other scenarios expect it: no panel, no open editors
    await runCommand(page, 'View: Close All Editors');
  }
}
