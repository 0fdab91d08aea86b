/**
 * *Stride Lens: Enable in Notebook*: inserts, at the top of the active notebook, the cell that
 * loads the `stride_lens` helper (`%load_ext stride_lens`), falling back to the copy shipped in
 * the extension when the kernel's environment has no installed one. Inserting runs nothing:
 * the user runs the cell, so this is safe in untrusted workspaces too.
 */
import * as vscode from 'vscode';

/** A Python string literal of `s` (single-quoted, backslashes and quotes escaped). */
function pyString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** The loader cell's source, with the shipped helper's folder as the fallback. */
export function loaderCellSource(shippedPythonDir: string): string {
  return [
    '# Stride Lens: arrays and tensors in outputs show their values, pictures and layout',
    'try:',
    '    import stride_lens',
    'except ImportError:  # not installed in this environment: use the copy shipped with the extension',
    '    import sys',
    `    sys.path.append(${pyString(shippedPythonDir)})`,
    '%load_ext stride_lens',
  ].join('\n');
}

export async function enableInNotebook(extensionUri: vscode.Uri): Promise<void> {
  const editor = vscode.window.activeNotebookEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Stride Lens: open a Jupyter notebook first, then run Enable in Notebook.');
    return;
  }
  const nb = editor.notebook;
  const existing = nb.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code && /^\s*%load_ext\s+stride_lens\b/m.test(c.document.getText()));
  if (existing) {
    editor.revealRange(new vscode.NotebookRange(existing.index, existing.index + 1));
    void vscode.window.showInformationMessage(`Stride Lens is already loaded by cell ${existing.index + 1}; run it if its kernel has not.`);
    return;
  }
  const source = loaderCellSource(vscode.Uri.joinPath(extensionUri, 'python').fsPath);
  const edit = new vscode.WorkspaceEdit();
  edit.set(nb.uri, [vscode.NotebookEdit.insertCells(0, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, source, 'python')])]);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the notebook did not accept the new cell');
  editor.selection = new vscode.NotebookRange(0, 1);
  editor.revealRange(editor.selection);
}
