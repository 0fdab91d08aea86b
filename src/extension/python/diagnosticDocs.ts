/**
 * The diagnostic codes' explanations as a read-only document inside the editor: clicking a
 * code in the Problems panel opens it at that code's heading, offline, in desktop VS Code and
 * code-server alike (the packaged README is the extension's page, not these docs, and file
 * names in a .vsix change case).
 */
import * as vscode from 'vscode';
import { codesMarkdown, type Code } from '../../analysis/index';

const SCHEME = 'stride-lens-docs';
const TEXT = `# Stride Lens diagnostics\n\nWhat each code in the Problems panel means and what to do about it.\n\n${codesMarkdown()}`;

/** 1-based line of each code's heading in the document. */
const LINES = new Map<string, number>(TEXT.split('\n').flatMap((l, i) => {
  const m = /^#+ (SL\d{3}) /.exec(l);
  return m ? [[m[1]!, i + 1] as const] : [];
}));

/** Registers the document's provider; the returned function gives a code's link. */
export function registerDiagnosticDocs(context: vscode.ExtensionContext): (code: Code) => vscode.Uri {
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: () => TEXT }));
  const base = vscode.Uri.from({ scheme: SCHEME, path: '/diagnostics.md' });
  // `#L<line>` opens the editor with that line selected.
  return (code) => base.with({ fragment: `L${LINES.get(code) ?? 1}` });
}

