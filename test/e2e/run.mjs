// End-to-end tests in a real VS Code: code-server (Coder's build of the VS Code workbench,
// installed into .tools/ by scripts/setup-code-server.sh) driven in Debian's Chromium with
// playwright-core. Installs dist/stride-lens.vsix into a fresh profile, opens examples/, runs
// every test/e2e/scenarios/*.mjs and saves screenshots to .e2e-results/.
//
//   node test/e2e/run.mjs [name-filter…]      (npm run test:e2e packages the .vsix first)
//   STRIDE_LENS_E2E_NO_EXTENSION=1            run without installing the extension: every
//                                             scenario must then fail (proves the checks bite)
//   STRIDE_LENS_E2E_HEADED=1                  show the browser (needs a display)
//   STRIDE_LENS_E2E_KEEP=1                    keep the temporary profile and logs
//   STRIDE_LENS_E2E_RESULTS=dir               screenshots and logs there (default .e2e-results;
//                                             give each concurrent run its own)
//
// Last line: `e2e: N passed, M failed`; the exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureCodeServer, freePort, installExtension, makeProfile, startCodeServer } from './codeServer.mjs';
import * as helpers from './helpers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = resolve(root, process.env.STRIDE_LENS_E2E_RESULTS ?? '.e2e-results');
const vsix = resolve(root, process.env.STRIDE_LENS_E2E_VSIX ?? join('dist', 'stride-lens.vsix'));
const noExtension = process.env.STRIDE_LENS_E2E_NO_EXTENSION === '1';
const browserPath = process.env.STRIDE_LENS_E2E_CHROMIUM ?? '/usr/bin/chromium';
const scenarioTimeoutMs = Number(process.env.STRIDE_LENS_E2E_TIMEOUT_MS ?? 120_000);
const filters = process.argv.slice(2);

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`e2e [${elapsed()}] ${msg}`);

/**
 * The scenario modules, each exporting `name` and `run({ page, helpers, shot, workspace })` (`workspace`: the copy of examples/ that is open),
 * and optionally `timeoutMs` (longer than the default for a scenario that scrolls through large outputs).
 */
async function loadScenarios() {
  const dir = join(root, 'test', 'e2e', 'scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const all = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    if (typeof mod.name !== 'string' || typeof mod.run !== 'function') {
      throw new Error(`${f}: a scenario must export a string "name" and an async "run"`);
    }
    all.push({ file: f, name: mod.name, run: mod.run, timeoutMs: typeof mod.timeoutMs === 'number' ? mod.timeoutMs : scenarioTimeoutMs });
  }
  return filters.length ? all.filter((s) => filters.some((q) => s.file.includes(q) || s.name.includes(q))) : all;
}

/** Copy the extension host logs (and the Stride Lens channel) into the results and print their tails. */
function collectLogs(userDataDir, label) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return;
  const dest = join(results, 'logs', label);
  cpSync(logs, dest, { recursive: true });
  const walk = (d) => readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
  for (const file of walk(dest).filter((p) => /exthost\.log$|stride/i.test(p))) {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    if (lines.length === 1 && lines[0] === '') continue;
    console.log(`---- ${relative(root, file)} (last ${Math.min(lines.length, 25)} lines)`);
    console.log(lines.slice(-25).join('\n'));
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

async function main() {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const scenarios = await loadScenarios();
  if (scenarios.length === 0) throw new Error(`no scenario matches ${JSON.stringify(filters)}`);
  if (!existsSync(browserPath)) throw new Error(`no browser at ${browserPath}: run bash scripts/setup-test-deps.sh`);

  const bin = ensureCodeServer(root);
  const tmp = mkdtempSync(join(tmpdir(), 'stride-lens-e2e-'));
  const profile = makeProfile(tmp);
  // Scenarios edit files (quick fixes): they work on a copy of examples/, never the repo's.
  const workspace = join(tmp, 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  if (noExtension) {
    say('STRIDE_LENS_E2E_NO_EXTENSION=1: not installing the extension; every scenario should fail');
  } else {
    if (!existsSync(vsix)) {
      say(`${relative(root, vsix)} missing: npm run package`);
      const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('npm run package failed');
    }
    say(`installing ${relative(root, vsix)} (${statSync(vsix).size} B)`);
    say(installExtension(bin, profile, vsix).split('\n').pop());
  }

  const port = await freePort();
  const server = await startCodeServer(bin, profile, { port, workspace, logFile: join(results, 'code-server.log') });
  say(`code-server pid ${server.pid} at ${server.url}`);
  let browser;
  const outcomes = [];
  try {
    browser = await chromium.launch({
      executablePath: browserPath,
      headless: process.env.STRIDE_LENS_E2E_HEADED !== '1',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
    await helpers.waitForWorkbench(page);
    await page.screenshot({ path: join(results, '00-workbench.png') });
    say('workbench ready with examples/ open');

    for (const s of scenarios) {
      const started = Date.now();
      let n = 0;
      const shot = async (label) => {
        n += 1;
        const file = join(results, `${s.file.replace(/\.mjs$/, '')}-${String(n).padStart(2, '0')}-${label}.png`);
        await page.screenshot({ path: file });
        return file;
      };
      try {
        await withTimeout(s.run({ page, helpers, shot, workspace }), s.timeoutMs, s.name);
        outcomes.push({ name: s.name, ok: true, ms: Date.now() - started });
        say(`PASS ${s.name} (${Date.now() - started} ms)`);
      } catch (e) {
        outcomes.push({ name: s.name, ok: false, ms: Date.now() - started, error: e.message });
        say(`FAIL ${s.name} (${Date.now() - started} ms)\n     ${e.message.split('\n').join('\n     ')}`);
        await shot('FAILED').catch(() => {});
        collectLogs(profile.userDataDir, s.file.replace(/\.mjs$/, ''));
        await page.keyboard.press('Escape').catch(() => {});
      }
    }
    writeFileSync(join(results, 'console-errors.txt'), consoleErrors.join('\n'));
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    if (process.env.STRIDE_LENS_E2E_KEEP === '1') say(`profile kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(join(results, 'results.json'), JSON.stringify(outcomes, null, 2));
  const passed = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - passed;
  say(`screenshots and logs in ${relative(root, results)}/`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

main().then((ok) => process.exit(ok ? 0 : 1), (e) => {
  console.error(`e2e: harness error: ${e.stack ?? e}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
