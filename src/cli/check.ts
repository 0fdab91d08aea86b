/**
 * `stride-lens check [paths…] [--format text|json|sarif] [--numpy-version X.Y]`: the editor's
 * stride findings for terminals, pre-commit hooks and CI.
 *
 * Reads `.py` files and the code cells of `.ipynb` notebooks (directories are searched for
 * both, skipping hidden folders and node_modules). Formats:
 * - `text`: one line per diagnostic, `file:line:col: CODE message` (1-based; notebook cells as
 *   `file.ipynb#cellN:line:col`), and a summary on stderr;
 * - `json`: `{ version: 1, files: [{ path, calls: [{ cell?, line, col, fn, source, shape,
 *   strides, offset, itemsize, units, inBounds, overlap, requires, lens, diagnostics }] }] }`
 *   where `shape`/`strides` are numbers when resolved and Python expressions when symbolic;
 * - `sarif`: SARIF 2.1.0 with one rule per code.
 * Exit status: 1 when an error-level finding exists, 0 otherwise, 2 on bad usage or an
 * unreadable input.
 */
import { readdirSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { analyzeNotebook, blankIpythonMagics, CODES, npyPathsIn, type AnalysisDiagnostic, type AnalysisOptions, type Call, type NpyHeader } from '../analysis/index';
import { printable } from '../engine/format';
import { lineWriter } from './output';
import { readNpyHeader } from '../npy/format';
import { memorySource } from '../npy/source';

/** Larger sources are refused rather than read: real code and notebooks are far smaller. */
const MAX_FILE_BYTES = 64 << 20;

const HELP = `usage: stride-lens check [paths…] [--format text|json|sarif] [--numpy-version X.Y]

Checks every as_strided / sliding_window_view / broadcast_to / np.ndarray(buffer=…) /
torch.as_strided / Tensor.unfold / F.unfold call in .py files and notebook code cells (directories
are searched) and prints the diagnostics:
  --format text    file:line:col: CODE message (default)
  --format json    per call: resolved shape, strides, inBounds, requires, diagnostics
  --format sarif   SARIF 2.1.0 for code-scanning tools
  --numpy-version  the NumPy in use (offers check_bounds=True from 2.5)
Only regular files are read (a FIFO or device in a searched folder is skipped, one named
on the command line is refused), each up to ${MAX_FILE_BYTES / (1 << 20)} MiB.
Exit status: 1 when an error-level finding exists, 0 otherwise, 2 on bad usage or when a
file cannot be read (not a notebook, too large, not a regular file: it is named on stderr
and every other file is still checked and reported).`;

/** Where `check` writes, and how it reads files (tests pass their own). */
export interface CheckIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
}

interface FileResult {
  readonly path: string;
  /** Cell number (0-based, among all cells) per analysed unit; empty for a .py file. */
  readonly cells: readonly number[];
  /**
   * Only what the output needs, kept from one file to the next (a directory run held every
   * call's hover, fix and range objects until the end: about 5 KB per call): the number of
   * calls, each call as compact JSON text (json format only) and the diagnostics as flat records.
   */
  readonly analysis: {
    readonly callCount: number;
    readonly calls: readonly string[];
    readonly diagnostics: readonly KeptDiagnostic[];
    readonly internalError?: string;
  };
}

/** A diagnostic as the text and SARIF output need it (0-based lines and columns). */
interface KeptDiagnostic {
  readonly code: AnalysisDiagnostic['code']; readonly severity: AnalysisDiagnostic['severity']; readonly message: string;
  readonly unit: number; readonly line: number; readonly col: number; readonly endLine: number; readonly endCol: number;
}

function keptDiagnostic(d: AnalysisDiagnostic): KeptDiagnostic {
  const { start, end, unit } = d.range;
  return { code: d.code, severity: d.severity, message: d.message, unit, line: start.line, col: start.col, endLine: end.line, endCol: end.col };
}

type Format = 'text' | 'json' | 'sarif';

/** Run `check` with node's console and file system; returns the exit status. */
export async function runCheck(args: string[]): Promise<number> {
  // stdout through lineWriter: a slow pipe reader must not make the output pile up in memory.
  const stdout = lineWriter(1);
  try {
    return await check(args, { out: stdout.line, err: (l) => { stdout.flush(); console.error(l); }, cwd: process.cwd() });
  } finally {
    stdout.flush();
  }
}

/** `stride-lens check` over `args`, writing to `io`; returns the exit status. */
export async function check(args: readonly string[], io: CheckIO): Promise<number> {
  let format: Format = 'text';
  let numpyVersion: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') { io.out(HELP); return 0; }
    const value = (name: string): string | undefined => {
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      if (a === name) return args[++i];
      return undefined;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') { io.err(`stride-lens check: --format must be text, json or sarif, not '${f ?? ''}'\n\n${HELP}`); return 2; }
      format = f;
    } else if (a === '--numpy-version' || a.startsWith('--numpy-version=')) {
      numpyVersion = value('--numpy-version');
      if (!numpyVersion || !/^\d+\.\d+/.test(numpyVersion)) { io.err(`stride-lens check: --numpy-version needs a version like 2.5, not '${numpyVersion ?? ''}'`); return 2; }
    } else if (a.startsWith('-')) {
      io.err(`stride-lens check: unknown option '${a}'\n\n${HELP}`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) { io.err(`stride-lens check: no paths given\n\n${HELP}`); return 2; }

  const files: string[] = [];
  let bad = false;
  for (const p of paths) {
    const abs = resolve(io.cwd, p);
    let st;
    try { st = statSync(abs); } catch { io.err(`stride-lens check: ${p}: no such file or directory`); bad = true; continue; }
    if (st.isDirectory()) files.push(...walk(abs));
    else if (!st.isFile()) { io.err(`stride-lens check: ${p}: not a regular file (a FIFO, socket or device is never read)`); bad = true; }
    else files.push(abs);
  }

  const results: FileResult[] = [];
  for (const abs of files) {
    const shown = relative(io.cwd, abs) || abs;
    const read = readSource(abs);
    if (!read.ok) { io.err(printable(`stride-lens check: ${shown}: ${read.error}`)); bad = true; continue; }
    const text = read.text;
    let units: string[];
    let cells: number[] = [];
    if (abs.endsWith('.ipynb')) {
      const nb = notebookCells(text);
      if (!nb.ok) { io.err(`stride-lens check: ${shown}: ${nb.error}`); bad = true; continue; }
      units = nb.cells.map((c) => c.source);
      cells = nb.cells.map((c) => c.index);
    } else units = [text];
    // oneShot: nothing is kept for re-analysis; noHover: no hover rows, which check never prints.
    const options: AnalysisOptions = { numpyVersion, readNpyHeader: await npyHeaders(units, dirname(abs)), oneShot: true, noHover: true };
    const analysis = analyzeNotebook(units, options);
    if (analysis.internalError) io.err(`stride-lens check: ${shown}: internal error in the analysis: ${analysis.internalError}`);
    const { calls, diagnostics, internalError } = analysis;
    results.push({
      path: shown.split(sep).join('/'), cells,
      analysis: {
        callCount: calls.length,
        calls: format === 'json' ? calls.map((c) => JSON.stringify(callJson(cells, c))) : [],
        diagnostics: diagnostics.map(keptDiagnostic),
        ...(internalError ? { internalError } : {}),
      },
    });
  }

  if (format === 'text') {
    let errors = 0; let others = 0;
    for (const r of results) {
      for (const d of r.analysis.diagnostics) {
        io.out(printable(`${where(r, d.unit, d.line, d.col)}: ${d.code} ${d.message}`));
        if (d.severity === 'error') errors++; else others++;
      }
    }
    const calls = results.reduce((n, r) => n + r.analysis.callCount, 0);
    io.err(`stride-lens check: ${files.length} file${files.length === 1 ? '' : 's'}, ${calls} stride call${calls === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${others} other finding${others === 1 ? '' : 's'}`);
  } else if (format === 'json') {
    // Written a call at a time: the output of 50,000 calls is never one string in memory.
    writeJsonList(io.out, { version: 1, files: ITEMS }, results, 0, (r, indent, out) => {
      writeJsonList(out, fileJson(r), r.analysis.calls, indent, (c, inner, out2) => out2(indented(JSON.stringify(JSON.parse(c), null, 2), inner)));
    });
  } else {
    const s = sarif(results);
    writeJsonList(io.out, s.doc, s.results, 0, (x, indent, out) => out(indented(JSON.stringify(x, null, 2), indent)));
  }
  if (bad) return 2;
  return results.some((r) => r.analysis.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** A regular file's text, at most MAX_FILE_BYTES; never blocks on a FIFO or reads a device. */
function readSource(abs: string): { ok: true; text: string } | { ok: false; error: string } {
  let fd: number | undefined;
  try {
    const st = statSync(abs);
    if (!st.isFile()) return { ok: false, error: 'not a regular file (a FIFO, socket or device is never read)' };
    if (st.size > MAX_FILE_BYTES) return { ok: false, error: `${st.size} bytes is larger than the ${MAX_FILE_BYTES / (1 << 20)} MiB check reads` };
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(st.size);
    let done = 0;
    while (done < buf.length) {
      const n = readSync(fd, buf, done, buf.length - done, done);
      if (n === 0) break;
      done += n;
    }
    // A UTF-8 byte-order mark is not code (editors hide it; the parser would choke on it).
    const text = buf.toString('utf8', 0, done);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (e) {
    return { ok: false, error: `cannot read (${(e as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === '__pycache__') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile() && (e.name.endsWith('.py') || e.name.endsWith('.ipynb'))) out.push(p);
  }
  return out;
}

/** Code cells of a notebook, with their index among all cells. */
export function notebookCells(json: string): { ok: true; cells: { index: number; source: string }[] } | { ok: false; error: string } {
  let nb: unknown;
  try { nb = JSON.parse(json); } catch (e) { return { ok: false, error: `not a notebook: invalid JSON (${(e as Error).message})` }; }
  if (typeof nb !== 'object' || nb === null || Array.isArray(nb)) return { ok: false, error: `not a notebook: the JSON is ${nb === null ? 'null' : Array.isArray(nb) ? 'a list' : `a ${typeof nb}`}, not an object` };
  const cells = (nb as { cells?: unknown }).cells;
  if (!Array.isArray(cells)) return { ok: false, error: 'not a notebook: no "cells" list' };
  const out: { index: number; source: string }[] = [];
  cells.forEach((c: unknown, index) => {
    if (typeof c !== 'object' || c === null) return;
    const cell = c as { cell_type?: unknown; source?: unknown };
    if (cell.cell_type !== 'code') return;
    const src = Array.isArray(cell.source) ? cell.source.filter((x): x is string => typeof x === 'string').join('') : typeof cell.source === 'string' ? cell.source : '';
    out.push({ index, source: blankIpythonMagics(src) });
  });
  return { ok: true, cells: out };
}

/** Headers of the `.npy` files the code names, read up front so the analysis can stay synchronous. */
async function npyHeaders(units: readonly string[], dir: string): Promise<(path: string) => NpyHeader | undefined> {
  const headers = new Map<string, NpyHeader>();
  for (const name of npyPathsIn(units)) {
    const abs = resolve(dir, name);
    let fd: number | undefined;
    try {
      const st = statSync(abs);
      if (!st.isFile()) continue; // a FIFO would block the open: the array stays unknown
      fd = openSync(abs, 'r');
      const size = st.size;
      const head = Buffer.alloc(Math.min(size, 1 << 16));
      readSync(fd, head, 0, head.length, 0);
      const r = await readNpyHeader(memorySource(new Uint8Array(head.buffer, head.byteOffset, head.length)), { name });
      if (r.ok) {
        const h = r.value;
        headers.set(name, { shape: [...h.shape], dtype: h.dtype.name, itemsize: h.dtype.itemsize, fortranOrder: h.fortranOrder });
      }
    } catch {
      // unreadable: the array stays unknown
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return (p) => headers.get(p);
}

function where(r: FileResult, unit: number, line: number, col: number): string {
  const cell = r.cells.length ? `#cell${r.cells[unit]! + 1}` : '';
  return `${r.path}${cell}:${line + 1}:${col + 1}`;
}

function diagJson(d: AnalysisDiagnostic) {
  return {
    code: d.code, severity: d.severity, message: d.message,
    line: d.range.start.line + 1, col: d.range.start.col + 1, endLine: d.range.end.line + 1, endCol: d.range.end.col + 1,
    fixes: d.fixes.map((f) => f.title),
  };
}

function callJson(cells: readonly number[], c: Call) {
  return {
    ...(cells.length ? { cell: cells[c.range.unit]! + 1 } : {}),
    line: c.range.start.line + 1,
    col: c.range.start.col + 1,
    fn: c.fn,
    ...(c.via ? { via: c.via } : {}),
    source: c.source,
    shape: c.shape ?? c.shapeText,
    strides: c.strides ?? c.stridesText,
    offset: c.offset,
    itemsize: c.itemsize,
    units: c.units,
    inBounds: c.inBounds,
    overlap: c.overlap,
    requires: c.requires,
    lens: c.lens,
    diagnostics: c.diagnostics.map(diagJson),
  };
}

function fileJson(r: FileResult) {
  return { path: r.path, calls: ITEMS, ...(r.analysis.internalError ? { internalError: r.analysis.internalError } : {}) };
}

/** Stands for the list `writeJsonList` writes item by item. */
const ITEMS = '\u0000items\u0000';

function indented(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text.split('\n').map((l) => pad + l).join('\n');
}

/**
 * Pretty JSON of `doc` (at `indent`) whose one `ITEMS` value is the list `items`, each written
 * through `each(item, itsIndent, out)` as soon as it is made, with commas between them.
 */
function writeJsonList<T>(out: (line: string) => void, doc: object, items: readonly T[], indent: number, each: (item: T, indent: number, out: (line: string) => void) => void): void {
  const text = indented(JSON.stringify(doc, null, 2), indent);
  const marker = JSON.stringify(ITEMS);
  const at = text.indexOf(marker);
  const inner = (/^ */.exec(text.slice(text.lastIndexOf('\n', at) + 1))?.[0].length ?? 0) + 2;
  const pre = text.slice(0, at);
  const post = text.slice(at + marker.length);
  if (items.length === 0) { out(`${pre}[]${post}`); return; }
  out(`${pre}[`);
  items.forEach((item, k) => {
    if (k === items.length - 1) { each(item, inner, out); return; }
    // Hold back one line so the item's last line can take the comma.
    let held: string | undefined;
    each(item, inner, (line) => { if (held !== undefined) out(held); held = line; });
    if (held !== undefined) out(`${held},`);
  });
  out(`${' '.repeat(inner - 2)}]${post}`);
}

function sarifLevel(s: string): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function sarif(results: readonly FileResult[]) {
  const rules = Object.values(CODES).map((c) => ({
    id: c.code,
    name: c.title.replace(/(^|\s)(\w)/g, (_m, _s, ch: string) => ch.toUpperCase()).replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: c.title },
    fullDescription: { text: c.doc },
    defaultConfiguration: { level: sarifLevel(c.severity) },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'stride-lens', rules } },
      columnKind: 'utf16CodeUnits',
      results: ITEMS,
    }],
  };
  return { doc, results: results.flatMap((r) => r.analysis.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: sarifLevel(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.path },
            region: { startLine: d.line + 1, startColumn: d.col + 1, endLine: d.endLine + 1, endColumn: d.endCol + 1 },
          },
          ...(r.cells.length ? { logicalLocations: [{ name: `cell ${r.cells[d.unit]! + 1}`, kind: 'module' }] } : {}),
        }],
        ...(r.cells.length ? { properties: { cell: r.cells[d.unit]! + 1 } } : {}),
      }))) };
}
