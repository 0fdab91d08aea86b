/**
 * *Stride Lens: Install the Notebook Helper*: `pip install` of the `stride_lens` package shipped
 * in the extension into the interpreter the benchmarks use (`strideLens.pythonPath`, else the
 * Python extension's selected interpreter, else `python3`), after the user confirms, and
 * only in a trusted workspace. pip builds from a copy of the package; its output goes to the
 * log; the result is checked by importing the package with that interpreter.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { benchPython } from './bench/python';

/** Run `exe args…`; resolves with the exit code and the output (stdout and stderr interleaved). */
function run(exe: string, args: string[], log: vscode.LogOutputChannel, token: vscode.CancellationToken): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (b: Buffer) => {
      const t = b.toString('utf8');
      output += t;
      for (const line of t.split('\n')) if (line.trim()) log.info(`pip: ${line}`);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const cancel = token.onCancellationRequested(() => child.kill());
    child.on('error', (e) => { cancel.dispose(); resolve({ code: null, output: `${output}${e.message}` }); });
    child.on('close', (code) => { cancel.dispose(); resolve({ code, output }); });
  });
}

export async function installHelper(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Promise<void> {
  const py = await benchPython(extensionUri, log);
  if (!py.target) {
    void vscode.window.showWarningMessage(`Stride Lens: the helper was not installed. ${py.message}.`);
    return;
  }
  const exe = py.target.executable;
  const pkg = path.join(extensionUri.fsPath, 'python');
  const choice = await vscode.window.showInformationMessage(
    `Install the Stride Lens notebook helper (stride_lens) into ${exe} with pip?`,
    { modal: true, detail: `From ${py.message}. Runs: ${exe} -m pip install (a copy of) ${pkg}` }, 'Install');
  if (choice !== 'Install') return;
  const ok = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Stride Lens: installing the notebook helper', cancellable: true },
    async (_progress, token) => {
      // pip builds in the source tree: build from a copy, so the extension's folder stays as shipped (it may be read-only).
      const copy = mkdtempSync(path.join(tmpdir(), 'stride-lens-helper-'));
      let pip: Awaited<ReturnType<typeof run>>;
      try {
        cpSync(pkg, copy, { recursive: true });
        pip = await run(exe, ['-m', 'pip', 'install', copy], log, token);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
      if (pip.code !== 0) {
        const tail = pip.output.trim().split('\n').slice(-3).join(' ');
        void vscode.window.showErrorMessage(`Stride Lens: pip could not install the helper into ${exe}: ${tail || `exit ${pip.code}`}`, 'Show Log')
          .then((c) => { if (c) log.show(); });
        return false;
      }
      const check = await run(exe, ['-c', 'import stride_lens; print(stride_lens.__file__)'], log, token);
      if (check.code !== 0) {
        void vscode.window.showErrorMessage(`Stride Lens: pip finished, but ${exe} cannot import stride_lens: ${check.output.trim().split('\n').pop() ?? ''}`);
        return false;
      }
      return true;
    });
  if (ok) void vscode.window.showInformationMessage(`Stride Lens: the notebook helper is installed in ${exe}. Run %load_ext stride_lens in a notebook using it (or Enable in Notebook).`);
}
