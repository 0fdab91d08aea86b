/**
 * Stride hints in Python files and notebook cells: wires the analysis into VS Code.
 * Diagnostics are refreshed on a debounce after edits; lenses and hovers ask for the
 * analysis when VS Code wants them (it is cached per document version).
 */
import * as vscode from 'vscode';
import { PythonAnalyses, isPythonDocument } from './analyses';
import { NpyHeaderCache } from './npyHeaders';
import { StrideCodeActionProvider, StrideHoverProvider, StrideLensProvider, toDiagnostics } from './providers';
import { hintSettings } from './settings';
import { registerDiagnosticDocs } from './diagnosticDocs';

const DEBOUNCE_MS = 250;
const SELECTOR: vscode.DocumentSelector = [{ language: 'python' }];

export function registerPythonHints(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const headers = new NpyHeaderCache();
  const analyses = new PythonAnalyses(headers, log);
  const diagnostics = vscode.languages.createDiagnosticCollection('stride-lens');
  const lensesChanged = new vscode.EventEmitter<void>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const docsOf = registerDiagnosticDocs(context);

  const refresh = (doc: vscode.TextDocument) => {
    if (!isPythonDocument(doc)) return;
    if (!hintSettings(doc.uri).enabled) {
      diagnostics.delete(doc.uri);
      return;
    }
    const a = analyses.get(doc);
    // A notebook's cells share one analysis: refresh every cell's diagnostics with it.
    for (const [unit, d] of (a?.documents ?? [doc]).entries()) diagnostics.set(d.uri, a ? toDiagnostics({ ...a, unit }, docsOf) : []);
  };
  const schedule = (doc: vscode.TextDocument) => {
    if (!isPythonDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      refresh(doc);
      lensesChanged.fire();
    }, DEBOUNCE_MS));
  };
  const refreshAll = () => {
    analyses.clear();
    for (const doc of vscode.workspace.textDocuments) refresh(doc);
    lensesChanged.fire();
  };

  context.subscriptions.push(
    headers,
    diagnostics,
    lensesChanged,
    { dispose: () => { for (const t of timers.values()) clearTimeout(t); } },
    vscode.languages.registerCodeLensProvider(SELECTOR, new StrideLensProvider(analyses, lensesChanged.event)),
    vscode.languages.registerHoverProvider(SELECTOR, new StrideHoverProvider(analyses)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new StrideCodeActionProvider(analyses), { providedCodeActionKinds: StrideCodeActionProvider.kinds }),
    // Benchmark this view is offered once the workspace is trusted
    vscode.workspace.onDidGrantWorkspaceTrust(() => lensesChanged.fire()),
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      diagnostics.delete(doc.uri);
      analyses.forget(doc.uri);
    }),
    vscode.workspace.onDidOpenNotebookDocument((nb) => nb.getCells().forEach((c) => refresh(c.document))),
    vscode.workspace.onDidCloseNotebookDocument((nb) => analyses.forget(nb.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('strideLens')) refreshAll(); }),
    headers.onDidLoad(refreshAll),
  );
  // A .npy named in np.load(...) that changes on disk is read again.
  const npyFiles = vscode.workspace.createFileSystemWatcher('**/*.npy');
  const forget = (uri: vscode.Uri) => headers.invalidate(uri.fsPath);
  context.subscriptions.push(npyFiles, npyFiles.onDidChange(forget), npyFiles.onDidCreate(forget), npyFiles.onDidDelete(forget));
  for (const doc of vscode.workspace.textDocuments) refresh(doc);
}
