/**
 * Analyses of open Python documents and notebooks, kept per document (or per notebook,
 * whose code cells are analysed together so facts flow from cell to cell) and reused while
 * the text is unchanged. Re-analysis after an edit hands the previous result back so the
 * parser reuses its tree.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyzeNotebook, blankIpythonMagics, type Analysis, type Range } from '../../analysis';
import type { NpyHeaderCache } from './npyHeaders';
import { hintSettings } from './settings';

/** The analysis that covers one text document, and which of its units is that document. */
export interface DocumentAnalysis {
  readonly analysis: Analysis;
  readonly unit: number;
  /** The document of each unit (one for a file, the code cells for a notebook). */
  readonly documents: readonly vscode.TextDocument[];
}

interface Entry {
  readonly key: string;
  readonly versions: string;
  readonly result: Omit<DocumentAnalysis, 'unit'>;
}

export function isPythonDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'python';
}

export class PythonAnalyses {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly headers: NpyHeaderCache,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The notebook a cell document belongs to, if any. */
  private notebookOf(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
    if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
    return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));
  }

  /** The analysis for `doc`, computed now if its text changed since the last one. */
  get(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    if (!isPythonDocument(doc)) return undefined;
    const notebook = this.notebookOf(doc);
    const documents = notebook
      ? notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && isPythonDocument(c.document)).map((c) => c.document)
      : [doc];
    const key = (notebook ?? doc).uri.toString();
    const versions = documents.map((d) => `${d.uri.toString()}@${d.version}`).join('|');
    let entry = this.entries.get(key);
    if (!entry || entry.versions !== versions) {
      entry = { key, versions, result: { analysis: this.analyse(documents, entry?.result.analysis), documents } };
      this.entries.set(key, entry);
    }
    const unit = entry.result.documents.indexOf(doc);
    return unit < 0 ? undefined : { ...entry.result, unit };
  }

  private analyse(documents: readonly vscode.TextDocument[], previous: Analysis | undefined): Analysis {
    const settings = hintSettings(documents[0]?.uri);
    const dir = documents[0]?.uri.scheme === 'file' || documents[0]?.uri.scheme === 'vscode-notebook-cell'
      ? path.dirname(documents[0].uri.fsPath)
      : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const t0 = Date.now();
    const notebook = documents[0]?.uri.scheme === 'vscode-notebook-cell';
    const texts = documents.map((d) => (notebook ? blankIpythonMagics(d.getText()) : d.getText()));
    const analysis = analyzeNotebook(texts, {
      severities: settings.severities,
      ...(settings.numpyVersion ? { numpyVersion: settings.numpyVersion } : {}),
      readNpyHeader: (file) => this.headers.get(file, dir),
    }, previous);
    if (analysis.internalError) this.log.error(`analysis of ${documents[0]?.uri.toString()}: ${analysis.internalError}`);
    this.log.trace(`analysed ${documents.length} unit(s) of ${documents[0]?.uri.toString()} in ${Date.now() - t0} ms: ${analysis.calls.length} calls`);
    return analysis;
  }

  /** Forget the analysis of a closed document or notebook. */
  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  /** Forget everything (settings or a .npy header changed). */
  clear(): void {
    this.entries.clear();
  }
}

/** A VS Code range from an analysis range. */
export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.col, r.end.line, r.end.col);
}
