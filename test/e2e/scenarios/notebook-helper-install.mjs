// Install the Notebook Helper: with strideLens.pythonPath naming a fresh venv (Debian's Python,
// its NumPy visible), the command asks first, pip installs the helper shipped in the
// extension, and that interpreter then imports stride_lens from its own site-packages.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPython } from '../../../scripts/find-python.mjs';

export const name = 'notebook helper: Install the Notebook Helper into the selected interpreter';

export async function run({ page, helpers, shot, workspace }) {
  const { runCommand, waitFor, check } = helpers;
  const base = findPython();
  const dir = mkdtempSync(join(tmpdir(), 'sl-helper-venv-'));
  const venv = join(dir, 'v');
  const made = spawnSync(base, ['-m', 'venv', '--system-site-packages', venv], { encoding: 'utf8' });
  check(made.status === 0, 'a venv for the install', 'exit 0', made.stderr);
  const py = join(venv, 'bin', 'python');
  const before = spawnSync(py, ['-c', 'import stride_lens'], { encoding: 'utf8', cwd: dir });
  check(before.status !== 0, 'the fresh venv has no stride_lens (else the check proves nothing)', 'ImportError', before.stdout);

  const settings = join(workspace, '.vscode');
  mkdirSync(settings, { recursive: true });
  writeFileSync(join(settings, 'settings.json'), JSON.stringify({ 'strideLens.pythonPath': py }));
  try {
    // VS Code reads the settings file a moment later: the dialog names the interpreter once it has.
    const dialog = page.locator('.monaco-dialog-box');
    await waitFor('the confirmation naming the venv', async () => {
      if ((await dialog.count()) && (await dialog.innerText()).includes(py)) return true;
      if (await dialog.count()) await dialog.locator('.dialog-buttons a, .dialog-buttons button').filter({ hasText: 'Cancel' }).first().click();
      await runCommand(page, 'Stride Lens: Install the Notebook Helper into the Selected Interpreter');
      await dialog.first().waitFor({ timeout: 10_000 }).catch(() => {});
      return (await dialog.count()) && (await dialog.innerText()).includes(py) ? true : undefined;
    }, { timeout: 60_000, interval: 1000 });
    await shot('confirm');
    await dialog.locator('.dialog-buttons a, .dialog-buttons button').filter({ hasText: /^Install$/ }).first().click();
    await waitFor('the notification that the helper is installed', async () => (
      (await page.locator('.notification-toast').filter({ hasText: 'the notebook helper is installed in' }).count()) > 0 ? true : undefined), { timeout: 180_000, interval: 1000 });
    await shot('installed');
    const after = spawnSync(py, ['-c', 'import json, stride_lens; print(json.dumps(stride_lens.__file__))'], { encoding: 'utf8', cwd: dir });
    check(after.status === 0 && JSON.parse(after.stdout).includes(join('v', 'lib')), 'the venv imports stride_lens from its own site-packages', `${venv}/lib/…`, after.stdout || after.stderr);
  } finally {
    rmSync(settings, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
