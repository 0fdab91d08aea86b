/**
 * The host side of the notebook renderer's array outputs: *Open in panel* writes the output's
 * array to a `.npy` in the extension's storage and opens it in the array viewer; *Save as
 * .npy* asks where and writes it there. The renderer builds the file (src/npy/payload.ts); the
 * host checks it is one before writing anything.
 */
import * as vscode from 'vscode';
import { openNpy } from '../npy/npy';
import { memorySource } from '../npy/source';
import { isRendererArrayMessage, type RendererArrayMessage } from '../protocol';
import { reportFailure } from './log';
import { NPY_VIEW_TYPE } from './npy/npyEditor';

export const RENDERER_ID = 'stride-lens.layout';

/** A file name from an output's name: letters, digits, `-`, `_` and `.` only. */
export function safeName(name: string | null): string {
  const base = (name ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._]+/, '').slice(0, 60);
  return base || 'array';
}

export function registerNotebookArrays(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  let opened = 0;
  return messaging.onDidReceiveMessage(({ message }) => {
    if (!isRendererArrayMessage(message)) return;
    void reportFailure(log, message.type === 'saveArray' ? 'Save as .npy' : 'Open in panel', async () => {
      const bytes = await checkedNpy(message);
      if (message.type === 'saveArray') {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, `${safeName(message.name)}.npy`) : undefined,
          filters: { 'NumPy array': ['npy'] }, saveLabel: 'Save as .npy',
        });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, bytes);
        log.info(`saved an array output to ${target.toString(true)}`);
        return;
      }
      const dir = vscode.Uri.joinPath(context.globalStorageUri, 'outputs');
      await vscode.workspace.fs.createDirectory(dir);
      const file = vscode.Uri.joinPath(dir, `${safeName(message.name)}-${Date.now()}-${opened++}.npy`);
      await vscode.workspace.fs.writeFile(file, bytes);
      await vscode.commands.executeCommand('vscode.openWith', file, NPY_VIEW_TYPE, { viewColumn: vscode.ViewColumn.Beside });
    });
  });
}

/** The message's bytes, refused unless they are a `.npy` file the viewer reads (never a pickle). */
async function checkedNpy(m: RendererArrayMessage): Promise<Uint8Array> {
  const bytes = new Uint8Array(Buffer.from(m.npyBase64, 'base64'));
  const arr = await openNpy(memorySource(bytes), { name: safeName(m.name) });
  if (!arr.ok) throw new Error(`the output's array is not a valid .npy: ${arr.error}`);
  return bytes;
}
