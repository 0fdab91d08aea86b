// The labelled corpus: realistic stride-trick snippets executed with the real NumPy and
// PyTorch (scripts/fixtures/analysis_corpus.py). The analysis must resolve each call to the
// shape, strides and byte reach the libraries produced, and report exactly the diagnostics
// each snippet's `# expect:` label names.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzePython, type Call } from '../../../src/analysis/index';
import { loadFixture } from '../fixtures';
import { requirementsHold } from './requirements';

const CORPUS = join(__dirname, '..', '..', 'analysis-corpus');

interface Recorded {
  fn: string;
  line: number;
  error?: string;
  shape?: (number | string)[];
  strides?: (number | string)[];
  low?: number | string;
  high?: number | string;
  nbytes?: number;
  empty?: boolean;
  offset?: number;
  storage?: number;
  sourceShape?: number[];
  /** The module-level line of the call that made the view inside a function, when it was. */
  site?: number;
  /** Integers the calling frame held by name (`hop_length`, `self.hop`). */
  scalars?: Record<string, number | string>;
}

/** Definitions whose requirements could be evaluated and held at an executed call (see below). */
let requirementsChecked = 0;

function loadCorpus(): { snippets: Record<string, { calls: Recorded[]; skipped?: string }> } {
  return loadFixture('analysis_corpus.json');
}

/**
 * `# expect: SL001 SL003` (or `-`) on the line where each stride call starts; a `?` marks a
 * call the analysis cannot resolve to numbers (its source is unknown there).
 */
function unresolvedLines(text: string): Set<number> {
  const out = new Set<number>();
  text.split('\n').forEach((line, i) => { if (/# expect:.*\?/.test(line)) out.add(i + 1); });
  return out;
}

function labels(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  text.split('\n').forEach((line, i) => {
    const m = /# expect:\s*([^#]*)$/.exec(line);
    if (m) out.set(i + 1, m[1]!.trim().split(/[\s,]+/).filter((x) => x !== '-' && x !== '?').sort());
  });
  return out;
}

/** Lines that make a stride call themselves (not a call of a function that makes one). */
function strideLines(text: string): Set<number> {
  const out = new Set<number>();
  text.split('\n').forEach((line, i) => {
    if (/\b(as_strided|sliding_window_view|broadcast_to|unfold)\s*\(/.test(line.replace(/#.*$/, ''))) out.add(i + 1);
  });
  return out;
}

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.py')).sort();

test('the corpus has at least 200 labelled snippets, 40 of them with a call site that fixes a parameter', () => {
  expect(files.length).toBeGreaterThanOrEqual(200);
  const withSites = Object.values(loadCorpus().snippets).filter((e) => e.calls.some((r) => r.site !== undefined));
  expect(withSites.length).toBeGreaterThanOrEqual(40);
});

describe('corpus', () => {
  const fixture = loadCorpus();
  test.each(files)('%s', (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const a = analyzePython(text);
    expect(a.internalError).toBeUndefined();
    const want = labels(text);
    const byLine = new Map<number, Call[]>();
    for (const c of a.calls) byLine.set(c.range.start.line + 1, [...(byLine.get(c.range.start.line + 1) ?? []), c]);
    // Every stride call is found and every call is on a labelled line; a call site the
    // analysis cannot resolve shows nothing (counted in the precision/recall summary).
    const strides = strideLines(text);
    for (const line of want.keys()) if (strides.has(line)) expect(byLine.has(line), `no call found on line ${line}`).toBe(true);
    for (const line of byLine.keys()) expect(want.has(line), `a call on line ${line}, which has no label`).toBe(true);
    for (const [line, codes] of want) {
      if (!byLine.has(line)) continue;
      const diags = byLine.get(line)!.flatMap((c) => c.diagnostics);
      expect(diags.map((d) => d.code).sort(), `diagnostics on line ${line}: ${diags.map((d) => d.message).join(' | ')}`).toEqual(codes);
    }
    const entry = fixture.snippets[file];
    expect(entry, `${file} missing from the fixture: run npm run fixtures -- analysis_corpus`).toBeDefined();
    if (entry!.skipped) return;
    expect(entry!.calls.length).toBeGreaterThan(0);
    // A view made inside a function the snippet called is checked twice: symbolically at the
    // stride call in the function, and to the byte at the call site (`via` the function),
    // matched to the call site's views in the order they were made.
    const atSite = new Map<number, number>();
    const checks: { c: Call | undefined; r: Recorded; where: string }[] = [];
    for (const r of entry!.calls) {
      // At the definition a call made for other arguments may raise; its call site shows that.
      if (r.site === undefined || !r.error) checks.push({ c: a.calls.find((x) => !x.via && x.range.start.line + 1 <= r.line && r.line <= x.range.end.line + 1), r, where: `line ${r.line}` });
      if (r.site === undefined) continue;
      const k = atSite.get(r.site) ?? 0;
      atSite.set(r.site, k + 1);
      checks.push({ c: a.calls.filter((x) => x.via && x.range.start.line + 1 === r.site)[k], r, where: `call site line ${r.site} (view made on line ${r.line})` });
    }
    for (const { c, r, where } of checks) {
      // A call site the analysis leaves unresolved has no call there (a miss the
      // precision/recall test counts when NumPy saw a problem).
      if (!c && where.startsWith('call site')) continue;
      expect(c, `no call found for ${where}`).toBeDefined();
      if (r.error) {
        expect(c!.diagnostics.some((d) => d.severity === 'error'), `${r.error} should be an error finding`).toBe(true);
        continue;
      }
      const unresolved = unresolvedLines(text).has(c!.range.start.line + 1);
      if (unresolved) {
        expect(c!.shape === null || c!.strides === null, 'labelled ? but resolved: drop the ?').toBe(true);
        continue;
      }
      const exactText = (xs: readonly string[] | null) => xs !== null && xs.every((t) => /^-?\d+$/.test(t));
      if ((c!.shape === null || c!.strides === null) && exactText(c!.shapeText) && exactText(c!.stridesText)) {
        // Exact integers past 2^53 (the fixture writes those as decimal text, the reach too).
        expect(c!.shapeText, `shape ${where}`).toEqual(r.shape!.map(String));
        expect(c!.stridesText, `strides ${where}`).toEqual(r.strides!.map(String));
        if (!r.empty) expect(c!.reach, `byte reach ${where}`).toEqual({ low: r.low, high: r.high });
        expect(c!.inBounds).toBe(BigInt(r.low!) >= 0n && BigInt(r.high!) <= BigInt(r.nbytes!));
        continue;
      }
      if (c!.shape === null || c!.strides === null) {
        // Symbolic: a call inside a function whose source is a parameter. Strides the
        // analysis cannot write (`?`) claim nothing; written ones must have NumPy's length.
        if (c!.stridesText === null) continue;
        // `…` first: the source's own leading axes, however many (`a.shape[:-1] + (n, w)`).
        if (c!.stridesText[0] === '…') expect(r.strides!.length).toBeGreaterThanOrEqual(c!.stridesText.length - 1);
        else expect(c!.stridesText.length).toBe(r.strides!.length);
        expect([...c!.stridesText, ...(c!.shapeText ?? [])].some((t) => /[A-Za-z]/.test(t)), `line ${r.line}: known source but unresolved view ${c!.lens}`).toBe(true);
        // What the view requires of its source held for the array NumPy actually got (the
        // executed view stayed in bounds), and "fits any" views did stay in bounds.
        if (r.low === undefined) continue; // a torch record: storage offsets, no byte reach
        const inBounds = BigInt(r.low) >= 0n && BigInt(r.high!) <= BigInt(r.nbytes!);
        for (const req of c!.requires) {
          const m = /\.shape ≥ \(([\d, ]+)\)$/.exec(req);
          if (!m || !r.sourceShape) continue;
          const need = m[1]!.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
          need.forEach((n, k) => expect(r.sourceShape![k]! >= n, `${req} vs executed source shape (${r.sourceShape})`).toBe(inBounds));
        }
        if (/fits any/.test(c!.lens)) expect(inBounds, `${c!.lens} but NumPy's view left the buffer`).toBe(true);
        // Requirements are sufficient: where every one held for the values the call was made
        // with (`hop_length ≥ 1`, `x.shape[-1] ≥ (n - 1) * hop + w`), the view stayed in bounds.
        if (c!.requires.length > 0 && requirementsHold(c!.requires, c!.source, r)) {
          requirementsChecked++;
          expect(inBounds, `${c!.lens} held for ${JSON.stringify(r.scalars)} / shape ${r.sourceShape} but NumPy's view left the buffer`).toBe(true);
        }
        continue;
      }
      expect(c!.shape, `shape ${where}`).toEqual(r.shape);
      expect(c!.strides, `strides ${where}`).toEqual(r.strides);
      if (r.fn.includes('torch') || r.fn.startsWith('Tensor') || r.fn === 'F.unfold') {
        expect(c!.offset).toBe(r.offset);
        expect(c!.buffer?.size).toBe(r.storage);
        continue;
      }
      if (r.site !== undefined && !c!.via && typeof c!.buffer?.size !== 'number') {
        // At the definition, a view of a buffer of symbolic size (`np.zeros(n)`): its shape
        // and strides are known, its bounds are not, and nothing is claimed about them.
        expect(c!.inBounds, `bounds claimed for a buffer of unknown size ${where}`).toBeNull();
        continue;
      }
      expect(c!.buffer?.size, `buffer size ${where}`).toBe(r.nbytes);
      if (!r.empty) expect(c!.reach, `byte reach ${where}`).toEqual({ low: r.low, high: r.high });
      expect(c!.inBounds).toBe(BigInt(r.low!) >= 0n && BigInt(r.high!) <= BigInt(r.nbytes!));
    }
  });
});

test('requirements were checked against executed calls', () => {
  // Runs after the corpus above (tests in a file run in order).
  expect(requirementsChecked).toBeGreaterThanOrEqual(20);
});

test('the CLI\'s lean analysis (oneShot, noHover) finds the same calls, lenses and diagnostics, without hover rows', () => {
  let rows = 0;
  for (const file of files) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const full = analyzePython(text);
    rows += full.calls.reduce((n, c) => n + c.hover.dims.length, 0);
    const lean = analyzePython(text, { oneShot: true, noHover: true });
    expect(lean.parsed, file).toEqual([]);
    expect(lean.calls.every((c) => c.hover.dims.length === 0), file).toBe(true);
    const strip = (cs: readonly Call[]) => cs.map(({ hover, ...rest }) => ({ ...rest, hover: { ...hover, dims: [] } }));
    expect(strip(lean.calls), file).toEqual(strip(full.calls));
  }
  expect(rows, 'hover rows in the full analysis').toBeGreaterThan(100);
});

/**
 * Precision and recall of the error findings (SL001, SL004, SL008) against what NumPy and
 * PyTorch did when the corpus ran: a real problem is a view that left its buffer or a call
 * that raised, at its call site when made inside a called function, else at its line. A
 * finding is right when its line (or the call site it was made for) saw a real problem.
 */
// Issue 9 asks for recall ≥ 95 %. The miss left is a call in a loop (views made in loops are
// not shown at call sites: they may differ from one iteration to the next).
const RECALL_FLOOR = 0.95;

test(`error findings: precision 100 %, recall ≥ ${100 * RECALL_FLOOR} % against the executed corpus`, () => {
  const fixture = loadCorpus();
  let findings = 0; let right = 0; let problems = 0; let found = 0;
  const missed: string[] = []; const wrong: string[] = [];
  for (const file of files) {
    const entry = fixture.snippets[file];
    if (!entry || entry.skipped) continue;
    const a = analyzePython(readFileSync(join(CORPUS, file), 'utf8'));
    const errorLines = new Set(a.calls.filter((c) => c.diagnostics.some((d) => d.severity === 'error')).map((c) => c.range.start.line + 1));
    const bad = (r: Recorded) => r.error !== undefined || (r.low !== undefined && (BigInt(r.low) < 0n || BigInt(r.high!) > BigInt(r.nbytes ?? r.storage ?? 0)));
    const badLines = new Set<number>();
    for (const r of entry.calls) {
      if (!bad(r)) continue;
      badLines.add(r.line);
      if (r.site !== undefined) badLines.add(r.site);
    }
    const raised = (entry as { raised?: { line: number | null } }).raised;
    for (const line of errorLines) {
      findings++;
      if (badLines.has(line)) right++;
      else wrong.push(`${file}:${line}`);
    }
    const sites = new Set(entry.calls.filter(bad).map((r) => r.site ?? r.line));
    for (const line of sites) {
      problems++;
      const defs = entry.calls.filter((r) => bad(r) && (r.site ?? r.line) === line).map((r) => r.line);
      if (errorLines.has(line) || defs.some((l) => errorLines.has(l))) found++;
      else missed.push(`${file}:${line}${raised?.line === line ? ' (raised)' : ''}`);
    }
  }
  const precision = findings ? right / findings : 1;
  const recall = problems ? found / problems : 1;
  console.log(`corpus error findings: precision ${(100 * precision).toFixed(1)} % (${right}/${findings}), recall ${(100 * recall).toFixed(1)} % (${found}/${problems}); missed: ${missed.join(', ') || 'none'}`);
  expect(wrong, 'error findings where NumPy saw no problem').toEqual([]);
  expect(recall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(RECALL_FLOOR);
});
