/**
 * The Python analysis, as plain data for the editor and the CLI.
 *
 * `analyzePython(text)` and `analyzeNotebook(cells)` parse Python with Lezer's error-tolerant
 * grammar, follow what the code says about arrays (constructors, reshapes, slices, `.strides`,
 * annotations, `# stride-lens: NAME float32[28, 28]` directives, `np.load` through an injected
 * header reader) and return, for every `as_strided`, `sliding_window_view`, `torch.as_strided`
 * and `tensor.as_strided` call, a `Call`:
 *
 * - `lens`: one line for a code lens (`view (26, 26, 3, 3) · strides (112, 4, 112, 4) · bytes
 *   0–3135 of 3136 ✓ · windows overlap`, or `⚠ reads 37 744 B past the end of image (3136 B)`);
 *   counts of five digits and more use U+2009 THIN SPACE as the thousands separator
 *   (`groupDigits` in src/engine/format.ts).
 * - `hover`: a title, one row per view dimension (size, stride in the library's unit and in
 *   elements, and its meaning: "next patch row = one row of image = 112 B") and notes. All
 *   plain text: the extension escapes it before putting it in Markdown.
 * - `diagnostics`: codes SL001–SL008 (see `CODES` for severities and docs), each with quick
 *   fixes as plain text edits; `refactorings`: rewrites offered without a diagnostic.
 * - resolved numbers (`shape`, `strides`, `offset`, `inBounds`, `reach`, `overlap`) or, for an
 *   unknown source, symbolic text and `requires` (`image.shape ≥ (28, 28)`).
 *
 * Ranges carry offsets into their unit's text and 0-based line/column (UTF-16 code units, as
 * VS Code counts). The analysis is total: any input text gives a result, never an exception.
 *
 * For edits, pass the previous `Analysis` (and, if known, the changes; otherwise they are
 * found by diffing): the parse reuses the old tree (Lezer `TreeFragment`s), and every
 * top-level statement whose text is unchanged and whose inputs (the module-scope names it
 * read) still hold the same values is replayed instead of re-interpreted, its findings
 * shifted. Only statements that can matter to a stride call are interpreted at all.
 *
 * Editor use: `callAt(analysis, cell, offset)` finds the call under the pointer for a hover;
 * `call.lens` is the code lens title; `call.hover.dims[k].text` are the per-dimension lines;
 * `call.diagnostics[k].fixes` and `call.refactorings` are code actions. Options: `severities`
 * (per code, or `off`), `numpyVersion` (offers `check_bounds=True` from 2.5) and
 * `readNpyHeader(path)` (synchronous: the host reads the headers of the files `npyPathsIn`
 * lists first, as `stride-lens check` does).
 *
 * `calls` and `diagnostics` are JSON-safe plain data (no bigint, no class instances) and can
 * cross a worker or webview boundary; `parsed` and `reuse` are opaque handles for the next
 * incremental analysis in the same thread.
 */
import { CODES, codesMarkdown, type Code, type CodeInfo, type Severity, type SeverityOverrides } from './codes';
import { callFinding, describeValue, shiftFinding, type CallFinding, type DimExplanation, type Fix, type FindingOptions } from './findings';
import type { CallFacts, Span } from './calls';
import { interpretUnit, type InterpOptions, type NameFact, type NpyHeader, type StatementRecord } from './interp';
import { newEnv } from './scope';
import { diffTexts, parseUnit, type ParsedUnit, type TextChange } from './parse';
import { keptRanges, relevantChunks, splitStatements } from './slice';
import { writeUseAt } from './writes';

export { CODES, codesMarkdown, diffTexts };
export type { Code, CodeInfo, Severity, SeverityOverrides, NpyHeader, TextChange, DimExplanation };

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column in UTF-16 code units. */
  readonly col: number;
}

export interface Range {
  /** Which text: 0 for a file, the cell index for a notebook. */
  readonly unit: number;
  readonly from: number;
  readonly to: number;
  readonly start: Position;
  readonly end: Position;
}

export interface Edit {
  readonly range: Range;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly Edit[];
}

export interface AnalysisDiagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes: readonly QuickFix[];
}

export interface Call extends Omit<CallFinding, 'span' | 'hoverSpans' | 'diagnostics' | 'refactorings'> {
  readonly range: Range;
  readonly hoverRanges: readonly Range[];
  readonly diagnostics: readonly AnalysisDiagnostic[];
  readonly refactorings: readonly QuickFix[];
}

export interface AnalysisOptions extends InterpOptions, FindingOptions {
  /** Interpret every statement, not only those that can matter to a stride call (a check for tests). */
  readonly noSlice?: boolean;
}

/** What a name held where the code uses or binds it, in words (for a hover on the name). */
export interface NameInfo {
  readonly range: Range;
  readonly name: string;
  readonly text: string;
}

export interface Analysis {
  readonly calls: readonly Call[];
  /** Names bound to arrays and integers where the code uses or binds them (not in the lean CLI analysis). */
  readonly names: readonly NameInfo[];
  /** Every call's diagnostics, in document order. */
  readonly diagnostics: readonly AnalysisDiagnostic[];
  /** The parsed texts, to hand back for incremental re-analysis. */
  readonly parsed: readonly ParsedUnit[];
  /** Set when the analysis itself failed (a bug): the result is then empty. */
  readonly internalError?: string;
  /** Opaque: what the next incremental analysis may reuse. */
  readonly reuse?: Reuse;
}

interface Reuse {
  readonly options: AnalysisOptions;
  readonly records: readonly (readonly StatementRecord[])[];
  /** Each call's findings, and the write use they asked for (see `writeUseAt`), if they did. */
  readonly findings: ReadonlyMap<CallFacts, PriorFinding>;
}

interface PriorFinding {
  readonly finding: CallFinding;
  readonly asked: boolean;
  readonly writeUse: string | undefined;
}

/** Analyse one Python file. Pass the previous analysis (and optionally the changes) after an edit. */
export function analyzePython(text: string, options: AnalysisOptions = {}, previous?: Analysis, changes?: readonly TextChange[]): Analysis {
  return analyzeNotebook([text], options, previous, changes ? [changes] : undefined);
}

/** Analyse notebook code cells in order; facts flow from cell to cell. */
export function analyzeNotebook(cells: readonly string[], options: AnalysisOptions = {}, previous?: Analysis, changes?: readonly (readonly TextChange[] | undefined)[]): Analysis {
  try {
    // Only the statements that can matter to a stride call are parsed and interpreted.
    const chunks = options.noSlice ? undefined : cells.map(splitStatements);
    const keep = chunks ? relevantChunks(chunks, cells) : undefined;
    const parsed = cells.map((text, i) => {
      const ranges = chunks ? keptRanges(chunks[i]!, keep![i]!) : undefined;
      const prev = previous?.parsed[i];
      if (prev && prev.text === text && rangesSame(prev.ranges, ranges)) return prev;
      if (prev) return parseUnit(text, prev, changes?.[i] ?? diffTexts(prev.text, text), ranges);
      return parseUnit(text, undefined, undefined, ranges);
    });
    const env = newEnv();
    // Statement results and findings are reused only under the same options.
    const old = previous?.reuse && sameOptions(previous.reuse.options, options) ? previous.reuse : undefined;
    const facts: CallFacts[] = [];
    const nameFacts: NameFact[][] = [];
    const records: StatementRecord[][] = [];
    const moved = new Map<CallFacts, { old: CallFacts; delta: number }>();
    parsed.forEach((p, i) => {
      const r = interpretUnit(p.tree, p.text, i, env, options, old?.records[i], p.ranges?.[0]?.from ?? 0);
      for (const c of r.calls) facts.push(c);
      nameFacts.push(r.names);
      if (!options.oneShot) records.push(r.records);
      for (const [k, v] of r.moved) moved.set(k, v);
    });
    const lineIndex = parsed.map((p) => lineStarts(p.text));
    // Whether writes reach a view depends on the code after its call, so it is looked up on
    // this parse, and only for the views that ask (overlapping and writeable).
    const trees = parsed.map((p) => ({ tree: p.tree, text: p.text, base: p.ranges?.[0]?.from ?? 0 }));
    const writeUseOf = (f: CallFacts) => (): string | undefined => {
      const t = trees[f.unit]!;
      return writeUseAt(t.tree, t.text, t.base, f.span.from, f.span.to);
    };
    // A one-shot result is never re-analysed: the parse trees can go once the findings are made.
    if (options.oneShot) parsed.length = 0;
    // One call's failure (a bug) must not hide the others: it is dropped and reported.
    const calls: Call[] = [];
    const failures: string[] = [];
    const findings = new Map<CallFacts, PriorFinding>();
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i]!;
      if (options.oneShot) facts[i] = undefined as unknown as CallFacts;
      try {
        const m = moved.get(f);
        const prior = m && old?.findings.get(m.old);
        const lookup = writeUseOf(f);
        // A prior finding is reused when it did not ask, or when the answer is still the same.
        const reuse = m && prior && (!prior.asked || prior.writeUse === lookup());
        let asked = false;
        let writeUse: string | undefined;
        const finding = reuse
          ? { ...shiftFinding(prior.finding, m.delta, m.old.span.from), unit: f.unit }
          : callFinding(f, options, () => { asked = true; writeUse = lookup(); return writeUse; });
        if (!options.oneShot) findings.set(f, reuse ? { ...prior, finding } : { finding, asked, writeUse });
        calls.push(toCall(f, finding, lineIndex[f.unit]!));
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
    }
    const diagnostics = calls.flatMap((c) => c.diagnostics);
    const names: NameInfo[] = [];
    nameFacts.forEach((list, unit) => {
      for (const f of list) {
        const text = describedText(f);
        if (text) names.push({ range: toRange(unit, f.span, lineIndex[unit]!), name: f.name, text });
      }
    });
    const result: Analysis = options.oneShot ? { calls, names, diagnostics, parsed } : { calls, names, diagnostics, parsed, reuse: { options, records, findings } };
    return failures.length ? { ...result, internalError: failures.join('; ') } : result;
  } catch (e) {
    return { calls: [], names: [], diagnostics: [], parsed: [], internalError: e instanceof Error ? e.message : String(e) };
  }
}

/** A name's value in words, once per value (statements replayed after an edit keep their values). */
const DESCRIBED = new WeakMap<object, string | null>();
function describedText(f: NameFact): string | undefined {
  let t = DESCRIBED.get(f.value);
  if (t === undefined) {
    t = describeValue(f.value) ?? null;
    DESCRIBED.set(f.value, t);
  }
  return t ?? undefined;
}

function rangesSame(a: readonly { from: number; to: number }[] | undefined, b: readonly { from: number; to: number }[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((r, i) => r.from === b[i]!.from && r.to === b[i]!.to);
}

function sameOptions(a: AnalysisOptions, b: AnalysisOptions): boolean {
  if (a === b) return true;
  return a.readNpyHeader === b.readNpyHeader && a.numpyVersion === b.numpyVersion && a.noSlice === b.noSlice && a.oneShot === b.oneShot && a.noHover === b.noHover
    && JSON.stringify(a.severities ?? {}) === JSON.stringify(b.severities ?? {});
}

function toCall(f: CallFacts, c: CallFinding, lines: readonly number[]): Call {
  const range = (s: Span): Range => toRange(f.unit, s, lines);
  const fix = (x: Fix): QuickFix => ({ title: x.title, edits: x.edits.map((e) => ({ range: range(e.span), newText: e.newText })) });
  const { span, hoverSpans, diagnostics, refactorings, ...rest } = c;
  return {
    ...rest,
    range: range(span),
    hoverRanges: hoverSpans.map(range),
    diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: range(d.span), fixes: d.fixes.map(fix) })),
    refactorings: refactorings.map(fix),
  };
}

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line and column of `offset`. */
export function positionAt(lines: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, col: offset - lines[lo]! };
}

function toRange(unit: number, s: Span, lines: readonly number[]): Range {
  return { unit, from: s.from, to: s.to, start: positionAt(lines, s.from), end: positionAt(lines, s.to) };
}

/** The call whose callee or shape/strides argument contains `offset` in `unit` (for hovers), if any. */
export function callAt(analysis: Analysis, unit: number, offset: number): Call | undefined {
  return analysis.calls.find((c) => c.hoverRanges.some((r) => r.unit === unit && r.from <= offset && offset <= r.to));
}

/** What the analysis believed the name at `offset` in `unit` held, if it knows (for hovers). */
export function nameAt(analysis: Analysis, unit: number, offset: number): NameInfo | undefined {
  return analysis.names.find((n) => n.range.unit === unit && n.range.from <= offset && offset <= n.range.to);
}

/** String literals naming `.npy` files in the texts: the headers a host should read before analysing. */
export function npyPathsIn(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/['"]([^'"\n]+\.npy)['"]/g)) names.add(m[1]!);
  return [...names];
}

/** A notebook cell's source with IPython magics and shell escapes (`%…`, `!…`) blanked: they are not Python. Line numbers are kept. */
export function blankIpythonMagics(source: string): string {
  return source.split('\n').map((l) => (/^\s*[%!]/.test(l) ? '' : l)).join('\n');
}
