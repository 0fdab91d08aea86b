// Runs inside the VS Code extension host started by runTest.mjs (no test framework: each
// check throws with what it expected and what it saw; VS Code exits non-zero on a throw).
/* eslint-disable @typescript-eslint/no-require-imports */
const vscode = require('vscode');
const assert = require('node:assert/strict');

const EXTENSION_ID = 'stride-lens.stride-lens';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Webview tabs titled `title`, in every editor group. */
function webviewTabs(title) {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.label === title && t.input instanceof vscode.TabInputWebview);
}

async function waitFor(what, probe, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const checks = [
  ['the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  }],
  ['its commands are registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of ['strideLens.layoutCalculator', 'strideLens.showLog']) assert.ok(all.has(id), `command ${id} missing`);
  }],
  ['Layout Calculator opens a webview panel (palette, im2col and oob presets)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('strideLens.layoutCalculator');
    await waitFor('a "Layout Calculator" webview tab', () => webviewTabs('Layout Calculator').length === 1);
    await vscode.commands.executeCommand('strideLens.layoutCalculator', 'im2col');
    await vscode.commands.executeCommand('strideLens.layoutCalculator', 'oob');
    await waitFor('three "Layout Calculator" tabs', () => webviewTabs('Layout Calculator').length === 3);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }],
];

/** Entry point called by VS Code's test runner. */
async function run() {
  let failed = 0;
  for (const [name, fn] of checks) {
    try {
      await fn();
      console.log(`  ok   ${name}`);
    } catch (err) {
      failed += 1;
      console.error(`  FAIL ${name}: ${err && err.stack ? err.stack : err}`);
    }
  }
  console.log(`electron suite: ${checks.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${checks.length} checks failed`);
}

module.exports = { run };
