/**
 * Which Python runs NumPy's side of the benchmarks: the `strideLens.pythonPath` setting, else
 * the Python extension's selected interpreter (when that extension is installed), else
 * `python3` on PATH. Never in an untrusted workspace. Whether it has NumPy is found by
 * running the bridge, which says so plainly.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PythonTarget } from '../../bench/host';

export interface BenchPython {
  readonly target: PythonTarget | null;
  /** Why there is no target, or where it came from. */
  readonly message: string;
}

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath?(resource?: vscode.Uri): { path: string } | undefined;
    resolveEnvironment?(env: { path: string } | string): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
  };
}

async function fromPythonExtension(log: vscode.LogOutputChannel): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!ext) return undefined;
  try {
    const api = ext.isActive ? ext.exports : await ext.activate();
    const active = api?.environments?.getActiveEnvironmentPath?.(vscode.workspace.workspaceFolders?.[0]?.uri);
    if (!active) return undefined;
    const resolved = await api.environments?.resolveEnvironment?.(active);
    return resolved?.executable?.uri?.fsPath ?? active.path;
  } catch (err) {
    log.warn(`the Python extension did not name an interpreter: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

export async function benchPython(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Promise<BenchPython> {
  if (!vscode.workspace.isTrusted) return { target: null, message: 'NumPy not run: this workspace is not trusted, and Stride Lens runs no Python in untrusted workspaces' };
  const pythonPath = path.join(extensionUri.fsPath, 'python');
  const setting = (vscode.workspace.getConfiguration('strideLens').get<string>('pythonPath') ?? '').trim();
  if (setting) return { target: { executable: setting, pythonPath }, message: `strideLens.pythonPath (${setting})` };
  const selected = await fromPythonExtension(log);
  if (selected) return { target: { executable: selected, pythonPath }, message: `the Python extension's interpreter (${selected})` };
  return { target: { executable: 'python3', pythonPath }, message: 'python3 on PATH' };
}
