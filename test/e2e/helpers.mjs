// Driving the VS Code workbench (code-server in Chromium) the way a user does: palette,
// quick open, webviews, code lenses, hovers, problems. Every wait has a timeout and fails
// with a message saying what was expected and what was seen.
/* global document */
import { spawnSync } from 'node:child_process';
import { findPython } from '../../scripts/find-python.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `probe` until it returns a value other than undefined; throw `what` after the timeout. */
export async function waitFor(what, probe, { timeout = 15_000, interval = 200 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    }
    await sleep(interval);
  }
}

/** Throw unless `cond`, with a message naming what was checked, the expected and the seen value. */
export function check(cond, what, expected, actual) {
  if (!cond) throw new Error(`${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`);
}

/** Wait until a locator's trimmed text satisfies `accept` (a string to equal, a RegExp or a function). */
export async function waitForText(locator, accept, what, opts) {
  const ok = typeof accept === 'string' ? (t) => t === accept
    : accept instanceof RegExp ? (t) => accept.test(t) : accept;
  let seen = '(element not found)';
  try {
    return await waitFor(what, async () => {
      if (await locator.count() === 0) return undefined;
      seen = ((await locator.first().textContent({ timeout: 1000 })) ?? '').trim();
      return ok(seen) ? seen : undefined;
    }, opts);
  } catch {
    throw new Error(`${what}: expected ${accept instanceof RegExp ? accept : JSON.stringify(accept)}, saw ${JSON.stringify(seen)}`);
  }
}

/** Wait for the workbench and the explorer to show the opened folder. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Move keyboard focus out of any webview, onto the side bar's title (keys pressed inside a webview may not reach the workbench). */
export async function focusWorkbench(page) {
  await page.locator('.part.sidebar .title').first().click({ timeout: 2_000 }).catch(() => {});
}

/**
 * Run a palette command by its full title ("Category: Title"): F1, type, pick the exact row.
 * The palette lists the commands known when it opens, and extensions register theirs a few
 * seconds after the workbench appears, so it is reopened until the row shows or time runs out.
 */
export async function runCommand(page, title, { timeout = 30_000 } = {}) {
  const input = page.locator('.quick-input-widget input');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const row = rows.filter({ hasText: title });
  const deadline = Date.now() + timeout;
  let seen;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const found = await waitFor(`palette row "${title}"`, async () => ((await row.count()) > 0 ? true : undefined), { timeout: 2_000 })
      .catch(() => false);
    if (found) {
      await row.first().click();
      return;
    }
    seen = await rows.allTextContents();
    if (Date.now() > deadline) break;
  }
  await page.keyboard.press('Escape');
  throw new Error(`command "${title}" is not in the palette after ${timeout / 1000} s (rows: ${JSON.stringify(seen.slice(0, 5))})`);
}

/** Open a workspace file by name with quick open (Ctrl+P) and wait for its editor tab. */
export async function openFile(page, name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name.split('/').pop() }).first()
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const base = name.split('/').pop();
  const active = page.locator('.tabs-container .tab.active').filter({ hasText: base });
  try {
    await active.waitFor({ timeout: 10_000 });
  } catch {
    // Quick open sometimes leaves a file that was open before (behind a webview) in the
    // background: open it from the explorer, as a user would next.
    await page.keyboard.press('Escape');
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: base }).first().click();
    await active.waitFor({ timeout: 10_000 });
  }
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The editor tab whose label contains `title` (e.g. a webview panel's title). */
export function tab(page, title) {
  return page.locator('.tabs-container .tab').filter({ hasText: title });
}

/** Text of a frame's body, or '' when the frame is gone or not readable yet. */
async function frameText(frame) {
  try {
    return await frame.evaluate(() => document.body?.innerText ?? '');
  } catch {
    return '';
  }
}

/**
 * The webview frame (any depth) whose body contains `text`; scans page.frames(). With
 * `selector`, the frame must also hold an element matching it: a text alone can match another
 * webview (the array viewer's "Open in Layout Playground" button names the playground).
 */
export async function findFrame(page, text, { timeout = 20_000, selector } = {}) {
  return waitFor(`a webview containing "${text}"${selector ? ` and ${selector}` : ''}`, async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      if (!(await frameText(frame)).includes(text)) continue;
      if (selector && !(await frame.locator(selector).count().catch(() => 0))) continue;
      return frame;
    }
    return undefined;
  }, { timeout });
}

/** The Layout Playground's webview frame. */
export function findPlayground(page, opts) {
  return findFrame(page, 'Layout Playground', { ...opts, selector: '[data-testid="view-shape"]' });
}

/** Put the cursor at 1-based `line`:`col` of the active editor and wait for the status bar to say so. */
export async function goTo(page, line, col) {
  await runCommand(page, 'Go to Line/Column...');
  await page.locator('.quick-input-widget input').fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await waitFor(`the cursor at ${line}:${col}`, async () => ((await page.locator('.statusbar').innerText()).includes(`Ln ${line}, Col ${col}`) ? true : undefined));
}

/** Open Quick Fix at the cursor and return its row whose title includes `title`, once shown. */
export async function quickFixRow(page, title) {
  await runCommand(page, 'Quick Fix...');
  const row = page.locator('.action-widget .monaco-list-row, .context-view .action-item').filter({ hasText: title }).first();
  await row.waitFor({ timeout: 15_000 });
  return row;
}

/** Texts of every code lens in the visible editors. */
export async function lensTexts(page) {
  return (await page.locator('.monaco-editor .codelens-decoration').allTextContents()).map((t) => t.trim()).filter(Boolean);
}

/** Wait for a code lens whose text includes `text` (string) or matches it (RegExp). */
export async function waitForLens(page, text, opts) {
  const ok = (t) => (text instanceof RegExp ? text.test(t) : t.includes(text));
  try {
    return await waitFor(`code lens ${text}`, async () => (await lensTexts(page)).find(ok), { timeout: 20_000, ...opts });
  } catch {
    throw new Error(`no code lens ${text instanceof RegExp ? text : JSON.stringify(text)}; lenses seen: ${JSON.stringify(await lensTexts(page))}`);
  }
}

/**
 * Hover the first rendered token containing `token` in the active editor (on the first line
 * containing `line`, when given); returns the hover text.
 */
export async function hover(page, token, { timeout = 15_000, line } = {}) {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  const lines = line ? editor.locator('.view-line').filter({ hasText: line }).first() : editor;
  const span = lines.locator('.view-line span span, span span').filter({ hasText: token }).first();
  await span.waitFor({ timeout });
  const box = await span.boundingBox();
  if (!box) throw new Error(`token "${token}" is not visible`);
  const hoverBox = page.locator('.monaco-hover:not(.hidden)');
  return waitFor(`a hover over "${token}"`, async () => {
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    await page.mouse.move(box.x + Math.min(4, box.width / 2), box.y + box.height / 2);
    await sleep(300);
    if (await hoverBox.count() === 0 || !(await hoverBox.first().isVisible())) return undefined;
    const text = ((await hoverBox.first().innerText()) ?? '').trim();
    return text || undefined;
  }, { timeout });
}

/** Counts of error and warning squiggles in the active editor. */
export async function squiggles(page) {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  return {
    errors: await editor.locator('.squiggly-error').count(),
    warnings: await editor.locator('.squiggly-warning').count(),
  };
}

/** Open the Problems panel and return its rows' texts (all files, expanded). */
export async function problems(page) {
  await runCommand(page, 'View: Focus Problems');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await waitFor('the Problems panel', async () => ((await page.locator('.markers-panel').count()) ? true : undefined));
  await sleep(500);
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Run a Python snippet with the interpreter that has NumPy and parse its JSON output. */
export function python(code) {
  const exe = findPython();
  if (!exe) throw new Error('no Python with NumPy (run: bash scripts/setup-test-deps.sh)');
  const r = spawnSync(exe, ['-c', code], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Switch the colour theme by its label (`Dark Modern`, `Light High Contrast`, `Light Modern`). */
export async function setTheme(page, label) {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await sleep(800);
}
