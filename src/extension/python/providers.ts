/**
 * Code lenses, hovers, diagnostics and quick fixes for stride calls, all drawn from the
 * analysis (`PythonAnalyses`). Text from the analysis is plain: it is escaped before it
 * goes into Markdown, and hovers are never trusted.
 */
import * as vscode from 'vscode';
import type { AnalysisDiagnostic, Call, QuickFix } from '../../analysis';
import { DEFAULT_BUDGET } from '../../bench/stats';
import { viewBenchRequest } from '../../bench/viewRequest';
import { parseDtype } from '../../engine/dtype';
import type { CalculatorInputs } from '../../protocol';
import { Commands } from '../commands';
import { toVsRange, type DocumentAnalysis, type PythonAnalyses } from './analyses';
import { hintSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'Stride Lens';

/** The calculator's inputs for a resolved call, or `undefined` when something is symbolic. */
export function callInputs(call: Call): CalculatorInputs | undefined {
  // F.unfold makes a copy: there is no view of its input to draw.
  if (!call.shape || !call.strides || call.itemsize === null || call.offset === null || call.fn === 'F.unfold') return undefined;
  const bufferSize = call.buffer && typeof call.buffer.size === 'number' ? call.buffer.size * (call.units === 'elements' ? call.itemsize : 1) : undefined;
  return {
    // The source's dtype when NumPy knows the name (torch's bfloat16 has none): else raw items.
    dtype: call.dtype && parseDtype(call.dtype).ok ? call.dtype : `V${call.itemsize}`,
    shape: call.shape.join(', '),
    strides: call.strides.join(', '),
    offset: String(call.offset),
    buffer: bufferSize === undefined ? '' : String(bufferSize),
    unit: call.units,
  };
}

/** Whether a command argument is a calculator input (command arguments are untyped). */
export function isCalculatorInputs(x: unknown): x is CalculatorInputs {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return ['dtype', 'shape', 'strides', 'offset', 'buffer'].every((k) => typeof o[k] === 'string') && (o.unit === 'bytes' || o.unit === 'elements');
}

export class StrideLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly analyses: PythonAnalyses, readonly onDidChangeCodeLenses: vscode.Event<void>) {}

  provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (!hintSettings(doc.uri).enabled) return [];
    const a = this.analyses.get(doc);
    if (!a || token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const call of callsOf(a)) {
      const range = toVsRange(call.range);
      lenses.push(new vscode.CodeLens(range, { title: call.lens, command: '', tooltip: call.hover.title }));
      const inputs = callInputs(call);
      if (inputs) lenses.push(new vscode.CodeLens(range, { title: 'Show stride diagram', command: Commands.showCallLayout, arguments: [inputs] }));
      // timing runs the user's Python: never offered in an untrusted workspace
      const bench = vscode.workspace.isTrusted ? viewBenchRequest(call, DEFAULT_BUDGET) : undefined;
      if (bench?.ok) lenses.push(new vscode.CodeLens(range, { title: 'Benchmark this view', command: Commands.benchmarkView, arguments: [bench.request], tooltip: 'Time materialising this view, reducing its windows and copying as many bytes, in your NumPy' }));
    }
    return lenses;
  }
}

function callsOf(a: DocumentAnalysis): Call[] {
  return a.analysis.calls.filter((c) => c.range.unit === a.unit);
}

/** Escape text for Markdown so nothing in it is read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

export class StrideHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: PythonAnalyses) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (!hintSettings(doc.uri).enabled) return undefined;
    const a = this.analyses.get(doc);
    if (!a) return undefined;
    for (const call of callsOf(a)) {
      const hit = call.hoverRanges.map(toVsRange).find((r) => r.contains(pos));
      if (hit) return new vscode.Hover(hoverMarkdown(call), hit);
    }
    // A name: what the analysis believes it holds there, so a verdict can be traced.
    const name = a.analysis.names.find((n) => n.range.unit === a.unit && toVsRange(n.range).contains(pos));
    if (!name) return undefined;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown(`**${escapeMarkdown(name.name)}**: ${escapeMarkdown(name.text)}\n\n`);
    md.appendMarkdown(escapeMarkdown('What Stride Lens knows about it here.'));
    return new vscode.Hover(md, toVsRange(name.range));
  }
}

/** The hover: title, one table row per view dimension, notes. Untrusted, escaped. */
export function hoverMarkdown(call: Call): vscode.MarkdownString {
  const unit = call.units === 'bytes' ? 'B' : 'elements';
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(call.hover.title)}**\n\n`);
  if (call.hover.dims.length) {
    md.appendMarkdown(`| dim | size | stride (${unit}) | elements | meaning |\n|---:|---:|---:|---:|---|\n`);
    for (const d of call.hover.dims) {
      md.appendMarkdown(`| ${d.dim} | ${escapeMarkdown(d.size)} | ${escapeMarkdown(d.stride)} | ${escapeMarkdown(d.strideElements ?? '—')} | ${escapeMarkdown(d.meaning)} |\n`);
    }
  }
  for (const note of call.hover.notes) md.appendMarkdown(`\n${escapeMarkdown(note)}\n`);
  return md;
}

const SEVERITY: Record<AnalysisDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** The Problems-panel entries of one document, each with its code and a link to its docs. */
export function toDiagnostics(a: DocumentAnalysis, docsOf: (code: AnalysisDiagnostic['code']) => vscode.Uri): vscode.Diagnostic[] {
  return a.analysis.diagnostics.filter((d) => d.range.unit === a.unit).map((d) => {
    const v = new vscode.Diagnostic(toVsRange(d.range), d.message, SEVERITY[d.severity]);
    v.source = DIAGNOSTIC_SOURCE;
    v.code = { value: d.code, target: docsOf(d.code) };
    return v;
  });
}

export class StrideCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  constructor(private readonly analyses: PythonAnalyses) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!hintSettings(doc.uri).enabled) return [];
    const a = this.analyses.get(doc);
    if (!a) return [];
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      if (shown.source !== DIAGNOSTIC_SOURCE) continue;
      const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
      const found = a.analysis.diagnostics.find((d) => d.range.unit === a.unit && d.code === code && toVsRange(d.range).isEqual(shown.range));
      for (const fix of found?.fixes ?? []) {
        const action = toAction(fix, vscode.CodeActionKind.QuickFix, a);
        action.diagnostics = [shown];
        action.isPreferred = found!.fixes.length === 1;
        actions.push(action);
      }
    }
    for (const call of callsOf(a)) {
      if (!toVsRange(call.range).intersection(range)) continue;
      for (const r of call.refactorings) actions.push(toAction(r, vscode.CodeActionKind.RefactorRewrite, a));
    }
    return actions;
  }
}

function toAction(fix: QuickFix, kind: vscode.CodeActionKind, a: DocumentAnalysis): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, kind);
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    const target = a.documents[e.range.unit];
    if (target) edit.replace(target.uri, toVsRange(e.range), e.newText);
  }
  action.edit = edit;
  return action;
}
