/* global document */
// The extension's own page in the extensions view: the icon loads from the installed
// extension, the page (docs/marketplace.md, packaged as the .vsix's README) opens with what
// the extension does, not with developer set-up, and no image on it is broken.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'extension page: the icon, user-first text, no broken images';

const root = join(import.meta.dirname, '..', '..', '..');

export async function run({ page, helpers, shot }) {
  const { runCommand, findFrame, waitFor, check } = helpers;
  const page_md = readFileSync(join(root, 'docs', 'marketplace.md'), 'utf8');
  const images = [...page_md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);

  await runCommand(page, 'Extensions: Show Installed Extensions');
  const entry = page.locator('.extensions-viewlet .monaco-list-row').filter({ hasText: 'Stride Lens' }).first();
  await entry.waitFor({ timeout: 20_000 });
  await entry.click();
  const header = page.locator('.extension-editor .header');
  await header.waitFor({ timeout: 20_000 });
  // The icon: loaded from the extension, not the generic placeholder.
  const icon = header.locator('img.icon').first();
  const iconState = await waitFor('the extension icon', async () => {
    const s = await icon.evaluate((img) => ({ src: img.getAttribute('src') ?? '', ok: img.complete && img.naturalWidth > 0, w: img.naturalWidth }));
    return s.ok ? s : undefined;
  });
  check(/icon\.png/.test(iconState.src) && iconState.w === 128, 'the icon is media/icon.png (128 px)', 'icon.png, 128', iconState);

  const details = await findFrame(page, 'See, check and measure NumPy and PyTorch strided views');
  const text = await details.evaluate(() => document.body.innerText);
  check(!/npm (start|test)|Quick start/.test(text), 'the page opens with the product, not developer set-up', 'no quick start', text.slice(0, 200));
  // VS Code loads only http(s) images on this page; without a public repository the
  // package leaves them out (scripts/marketplace-readme.mjs): no image may be broken.
  const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).repository.url;
  const published = /^https:\/\/(github\.com|gitlab\.com)\//.test(repo);
  const shown = await details.evaluate(() => [...document.images].map((img) => ({ alt: img.alt, src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0 })));
  check(shown.length === (published ? images.length : 0), published ? `all ${images.length} screenshots on the page` : 'no screenshots while the repository is a placeholder', published ? images.length : 0, shown);
  check(shown.every((x) => x.ok), 'no broken image on the page', 'all loaded', shown);
  check(/Stride hints as you type/.test(text) && /Kernel benchmarks/.test(text), 'the features are on the page', 'feature headings', text.slice(0, 300));
  await shot('extension-page');
  // Leave the workbench as the other scenarios expect it: no editors, the explorer showing.
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'View: Show Explorer');
  await page.locator('.explorer-folders-view').waitFor({ timeout: 10_000 });
}
