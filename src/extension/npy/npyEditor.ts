/**
 * The array viewer: a read-only custom editor for `*.npy` and `*.npz`. The document keeps
 * the file open (a descriptor, never the data) and reads the header; the webview asks for
 * pages of what it shows and for statistics, which run in a worker thread.
 */
import * as vscode from 'vscode';
import { openFileSource, type FileSource } from '../../node/fileSource';
import { memorySource, type ByteSource } from '../../npy/source';
import type { NpyToHost, NpyToWebview } from '../../protocol';
import { webviewHtml, webviewOptions } from '../webviewHtml';
import { Commands } from '../commands';
import { handleRequest, openSession, type ViewerSession } from './session';
import { StatsRunner, type StatsInput } from './statsRunner';

export const NPY_VIEW_TYPE = 'strideLens.npyViewer';

/** Files that are not on disk (remote, virtual) are read whole, up to this size. */
const MAX_IN_MEMORY = 512 * 1024 * 1024;

/** An opened `.npy`/`.npz` file: the session over it and how to close it. */
class NpyDocument implements vscode.CustomDocument {
  constructor(
    readonly uri: vscode.Uri,
    readonly session: ViewerSession,
    /** Where the stats worker finds the bytes: a path, or the bytes themselves. */
    readonly statsInput: StatsInput | undefined,
    private readonly source: FileSource | undefined,
  ) {}

  dispose(): void {
    this.source?.close();
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

/** Open `uri` lazily for a file on disk, or read it whole (capped) through the workspace file system. */
async function openDocument(uri: vscode.Uri): Promise<NpyDocument> {
  const name = baseName(uri);
  if (uri.scheme === 'file') {
    let src: FileSource;
    try {
      src = openFileSource(uri.fsPath);
    } catch (e) {
      const session = await openSession(failingSource(e), name);
      return new NpyDocument(uri, session, undefined, undefined);
    }
    const session = await openSession(src, name);
    return new NpyDocument(uri, session, { kind: 'path', path: uri.fsPath, name }, src);
  }
  let size: number;
  try {
    size = (await vscode.workspace.fs.stat(uri)).size;
  } catch (e) {
    return new NpyDocument(uri, await openSession(failingSource(e), name), undefined, undefined);
  }
  if (size > MAX_IN_MEMORY) {
    const error = new Error(`${name} is ${size} bytes; files that are not on the local disk are read whole, and only up to ${MAX_IN_MEMORY} bytes (copy it to a local folder to view it)`);
    return new NpyDocument(uri, await openSession(failingSource(error), name), undefined, undefined);
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  return new NpyDocument(uri, await openSession(memorySource(bytes), name), { kind: 'bytes', bytes, name }, undefined);
}

/** A source whose every read fails with `e` (so the viewer shows the reason like any other error). */
function failingSource(e: unknown): ByteSource {
  const err = e instanceof Error ? e : new Error(String(e));
  return { size: 0, read: () => Promise.reject(err) };
}

/** The read-only custom editor provider for `.npy`/`.npz`. */
export class NpyEditorProvider implements vscode.CustomReadonlyEditorProvider<NpyDocument> {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Register the provider; dispose the result to unregister. */
  static register(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(NPY_VIEW_TYPE, new NpyEditorProvider(extensionUri, log), {
      supportsMultipleEditorsPerDocument: true,
      webviewOptions: { retainContextWhenHidden: false },
    });
  }

  async openCustomDocument(uri: vscode.Uri): Promise<NpyDocument> {
    const doc = await openDocument(uri);
    if (doc.session.init.kind === 'error') this.log.warn(`array viewer: ${doc.session.init.error}`);
    else this.log.info(`array viewer: opened ${uri.toString(true)} (${doc.session.init.kind})`);
    return doc;
  }

  resolveCustomEditor(doc: NpyDocument, panel: vscode.WebviewPanel): void {
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, 'npyViewer', baseName(doc.uri));
    const post = (m: NpyToWebview) => void panel.webview.postMessage(m);
    const stats = new StatsRunner(vscode.Uri.joinPath(this.extensionUri, 'dist', 'worker.js').fsPath, this.log);
    const subs = [
      panel.webview.onDidReceiveMessage((m: NpyToHost) => {
        void this.onMessage(doc, m, post, stats).catch((e: unknown) => this.log.error(`array viewer: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
      }),
    ];
    panel.onDidDispose(() => {
      stats.dispose();
      for (const s of subs) s.dispose();
    });
  }

  private async onMessage(doc: NpyDocument, m: NpyToHost, post: (m: NpyToWebview) => void, stats: StatsRunner): Promise<void> {
    switch (m.type) {
      case 'ready':
        post({ type: 'npyInit', init: doc.session.init });
        return;
      case 'npyRequest':
        post(await handleRequest(doc.session, m));
        return;
      case 'npyStats': {
        if (!doc.statsInput) {
          post({ type: 'npyStatsFailed', id: m.id, error: 'statistics are not available for this file', cancelled: false });
          return;
        }
        stats.start(m.id, doc.statsInput, m.member, post);
        return;
      }
      case 'npyStatsCancel':
        stats.cancel(m.id);
        return;
      case 'npyOpenPlayground':
        // The same command as the lens's Show stride diagram: it checks the inputs.
        await vscode.commands.executeCommand(Commands.showCallLayout, m.inputs);
        return;
      case 'error':
        this.log.error(`array viewer webview: ${m.message}`);
        return;
      default: {
        const never: never = m;
        this.log.warn(`array viewer: unknown message ${JSON.stringify(never)}`);
      }
    }
  }
}
