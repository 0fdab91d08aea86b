/**
 * The stride diagram's speed in a real browser (headless Chromium, Debian's /usr/bin/chromium
 * through playwright-core): first paint of the seed's im2col view, first paint of a view of
 * 2^20 indices, and the time from a pointer move over the strip to the list of the byte's
 * readers in the DOM and laid out (median of 60 moves); the notebook renderer's output of a
 * 1000×1000 float32 array to its first values on screen. Targets (issues 10, 11): < 50 ms,
 * < 200 ms, < 16 ms, < 150 ms.
 *
 *   npm run bench -- render        (writes bench/results/render.json)
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(__dirname, '..', '..');

/** What webview/bench/renderPage.tsx puts on the page's window. */
interface PageApi {
  firstPaint(layout: unknown, nbytes: number): Promise<number>;
  hover(samples: number): Promise<number[]>;
  arrayFirstPaint(rows: number, cols: number): Promise<[number, number]>;
}
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stride-lens-render-'));
  await build({
    entryPoints: { page: join(root, 'webview', 'bench', 'renderPage.tsx') }, bundle: true, outdir: dir, platform: 'browser', format: 'iife',
    jsx: 'automatic', jsxImportSource: 'preact', loader: { '.css': 'css' }, logLevel: 'warning',
  });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><link rel="stylesheet" href="page.css"></head><body style="width:1000px"><div id="root"></div><script src="page.js"></script></body></html>`);
  const browser = await chromium.launch({ executablePath: process.env.STRIDE_LENS_E2E_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`file://${join(dir, 'index.html')}`);
    const im2col = { shape: [26, 26, 3, 3], strides: [112, 4, 112, 4], offset: 0, itemsize: 4 };
    const million = { shape: [1024, 1024], strides: [4, 4096], offset: 0, itemsize: 4 };
    const paint = async (layout: object, nbytes: number): Promise<number> => {
      const runs: number[] = [];
      for (let k = 0; k < 7; k++) runs.push(await page.evaluate(([l, n]) => (globalThis as unknown as PageApi).firstPaint(l, n as number), [layout, nbytes] as const));
      return median(runs.slice(2)); // the first runs warm the JIT
    };
    const im2colFirstPaintMs = await paint(im2col, 3136);
    const millionFirstPaintMs = await paint(million, 1024 * 1024 * 4);
    await paint(im2col, 3136);
    const hovers = await page.evaluate(() => (globalThis as unknown as PageApi).hover(60));
    const hoverMs = median(hovers);
    const arrays: [number, number][] = [];
    for (let k = 0; k < 7; k++) arrays.push(await page.evaluate(() => (globalThis as unknown as PageApi).arrayFirstPaint(1000, 1000)));
    const notebookFirstPaintMs = median(arrays.slice(2).map((a) => a[0]));
    const notebookLayoutDrawnMs = median(arrays.slice(2).map((a) => a[1]));
    const result = { im2colFirstPaintMs, millionFirstPaintMs, hoverMs, hoverSamples: hovers.length, notebookFirstPaintMs, notebookLayoutDrawnMs, chromium: browser.version() };
    const rows: [string, number, number][] = [['stride diagram, seed im2col (6,084 indices): first paint', im2colFirstPaintMs, 50], ['stride diagram, 1024×1024 transpose (1,048,576 indices): first paint', millionFirstPaintMs, 200], ['pointer move → readers of the byte shown (median)', hoverMs, 16],
      ['notebook array output, 1000×1000 float32 (4 MB payload): values shown', notebookFirstPaintMs, 150],
      ['… and its layout (stride diagram of 1,000,000 indices) drawn after them (our bound)', notebookLayoutDrawnMs, 400]];
    for (const [what, ms, target] of rows) console.log(`${what.padEnd(72)} ${ms.toFixed(1).padStart(7)} ms  (target < ${target} ms) ${ms < target ? 'PASS' : 'MISSED'}`);
    const out = join(root, 'bench', 'results', 'render.json');
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    let previous: Record<string, unknown> = {};
    try { previous = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>; } catch { /* first run */ }
    writeFileSync(out, `${JSON.stringify({ ...previous, ...result }, null, 2)}\n`);
    console.log('wrote bench/results/render.json');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
