import * as vscode from 'vscode';
import { NPY_VIEW_TYPE } from './npyEditor';

/** Open a `.npy`/`.npz` in the array viewer: the file given (explorer menu) or one the user picks. */
export async function inspectArray(arg?: unknown): Promise<void> {
  let uri = arg instanceof vscode.Uri ? arg : undefined;
  if (!uri) {
    const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Inspect',
      title: 'Inspect .npy/.npz',
      filters: { 'NumPy arrays': ['npy', 'npz'] },
      ...(active instanceof vscode.TabInputText ? { defaultUri: active.uri } : {}),
    });
    uri = picked?.[0];
  }
  if (!uri) return;
  await vscode.commands.executeCommand('vscode.openWith', uri, NPY_VIEW_TYPE);
}
