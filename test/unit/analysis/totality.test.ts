// The analysis is total: truncated and mutated corpus snippets (what an editor sees while the
// user types) still give a result, never an exception or an internal error, with every
// range inside the text; and findings for the parts before the damage survive it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parser } from '@lezer/python';
import { analyzeNotebook, analyzePython, type Analysis } from '../../../src/analysis/index';
import { diffTexts, parseUnit } from '../../../src/analysis/parse';

function hasSyntaxError(text: string): boolean {
  let bad = false;
  parser.parse(text).iterate({ enter: (n) => { if (n.type.isError) bad = true; return !bad; } });
  return bad;
}

const CORPUS = join(__dirname, '..', '..', 'analysis-corpus');
const texts = readdirSync(CORPUS).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(join(CORPUS, f), 'utf8'));

function checkRanges(a: Analysis, lengths: readonly number[]): void {
  expect(a.internalError).toBeUndefined();
  for (const c of a.calls) {
    for (const r of [c.range, ...c.hoverRanges, ...c.diagnostics.map((d) => d.range), ...c.diagnostics.flatMap((d) => d.fixes.flatMap((f) => f.edits.map((e) => e.range))), ...c.refactorings.flatMap((f) => f.edits.map((e) => e.range))]) {
      expect(r.from).toBeGreaterThanOrEqual(0);
      expect(r.to).toBeLessThanOrEqual(lengths[r.unit]!);
      expect(r.from).toBeLessThanOrEqual(r.to);
    }
    expect(typeof c.lens).toBe('string');
  }
}

const SOUP = [...'()[]{},:;=.+-*/%@~<>!\n\t #\'"\\0123456789xsjTabc_'];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(fc.constantFrom(...SOUP), { minLength: 1, maxLength: 12 }).map((a) => a.join('')) }),
  fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
);

type Mutation = { kind: 'truncate'; at: number } | { kind: 'delete'; at: number; len: number } | { kind: 'insert'; at: number; text: string } | { kind: 'dupline'; at: number };

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'truncate': return text.slice(0, at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.len);
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'dupline': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
  }
}

test('mutated corpus snippets never throw and keep ranges inside the text', () => {
  fc.assert(fc.property(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
    let t = texts[i]!;
    for (const m of ms) t = mutate(t, m as Mutation);
    checkRanges(analyzePython(t), [t.length]);
  }), { numRuns: 400, seed: 20261123 });
});

test('a notebook of mutated cells never throws', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat({ max: texts.length - 1 }), mutation), { minLength: 1, maxLength: 5 }), (cells) => {
    const cs = cells.map(([i, m]) => mutate(texts[i]!, m as Mutation));
    checkRanges(analyzeNotebook(cs), cs.map((c) => c.length));
  }), { numRuns: 100, seed: 7 });
});

test('calls before a syntax error are still analysed', () => {
  for (const t of texts) {
    const a = analyzePython(t);
    if (a.calls.length === 0) continue;
    const broken = `${t}\ndef broken(:\n    x = (1, 2\n`;
    const b = analyzePython(broken);
    expect(b.calls.map((c) => c.lens)).toEqual(a.calls.map((c) => c.lens));
  }
});

test('pathological input: deep nesting, huge numbers, long lines', () => {
  const cases = [
    `x = ${'('.repeat(3000)}1${')'.repeat(3000)}`,
    `import numpy as np\nx = np.zeros((99999999999999999999, 3))\nv = np.lib.stride_tricks.as_strided(x, (2 ** 80, 2), (8, 8))\n`,
    `import numpy as np\nx = np.zeros(10)\nv = np.lib.stride_tricks.as_strided(x, (9007199254740991, 9007199254740991), (9007199254740991, 1))\n`,
    'a = ' + '1 + '.repeat(5000) + '1',
    '\u0000\uffff\ud800 as_strided(',
    'import numpy as np\nx = np.zeros((4, 4))\n' + 'x = x.T\n'.repeat(2000) + 'v = np.lib.stride_tricks.as_strided(x, (2, 2), x.strides)\n',
  ];
  for (const t of cases) checkRanges(analyzePython(t), [t.length]);
});

/** Whether Lezer's parse of `text` has no error node. */
function parsesClean(text: string): boolean {
  let clean = true;
  parser.parse(text).iterate({ enter: (n) => { if (n.type.isError) clean = false; return clean; } });
  return clean;
}

test('incremental re-analysis after random edits equals a fresh analysis', () => {
  // As many snippets as Lezer parses as one clean text. (Past ~1,500 lines of these snippets
  // Lezer's GLR parse of valid Python can grow error nodes, and an incremental parse then
  // differs from a fresh one: a parser limit, not the analysis's reuse.)
  let n = texts.length;
  while (n > 40 && !parsesClean(texts.slice(0, n).join('\n'))) n -= 10;
  const big = texts.slice(0, n).join('\n');
  expect(parsesClean(big), 'a clean text of at least 40 snippets').toBe(true);
  const strip = (a: Analysis) => JSON.stringify(a.calls);
  let prev = analyzePython(big);
  let text = big;
  // Once edits have left syntax errors, Lezer's incremental parse may recover from them
  // differently from a fresh parse of the same text (a parser limit): the analyses are
  // compared where the two trees agree, which must be most edits.
  let unit = parseUnit(big);
  let compared = 0;
  fc.assert(fc.property(mutation, (m) => {
    const next = mutate(text, m as Mutation);
    const inc = analyzePython(next, {}, prev);
    const nextUnit = parseUnit(next, unit, diffTexts(text, next));
    if (nextUnit.tree.toString() === parseUnit(next).tree.toString()) {
      compared++;
      expect(strip(inc)).toBe(strip(analyzePython(next)));
    }
    prev = inc;
    text = next;
    unit = nextUnit;
  }), { numRuns: 60, seed: 11 });
  expect(compared).toBeGreaterThanOrEqual(40);
});

test('many dimensions and large shapes stay fast', () => {
  const dims = Array.from({ length: 32 }, () => 2);
  const text = `import numpy as np\nx = np.zeros(${JSON.stringify(dims).replace('[', '(').replace(']', ')')})\nv = np.lib.stride_tricks.as_strided(x, ${JSON.stringify(Array(32).fill(3)).replace('[', '(').replace(']', ')')}, ${JSON.stringify(Array.from({ length: 32 }, (_, k) => 8 * (k + 3))).replace('[', '(').replace(']', ')')})\n`;
  const t0 = performance.now();
  const a = analyzePython(text);
  expect(a.internalError).toBeUndefined();
  expect(a.calls).toHaveLength(1);
  expect(performance.now() - t0).toBeLessThan(2000);
});

test('interpreting only the statements that can matter changes no finding', () => {
  const inputs = [...texts, texts.join('\n'), texts.map((t) => t.replace(/\n(\S)/g, '\nif True:\n    $1')).join('\n')];
  for (const t of inputs) {
    expect(JSON.stringify(analyzePython(t).calls)).toBe(JSON.stringify(analyzePython(t, { noSlice: true }).calls));
  }
  // Mutated texts that still parse without errors: the slice must not change a thing. (With
  // syntax errors, Lezer's recovery may differ between the whole text and the kept statements.)
  let compared = 0;
  fc.assert(fc.property(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
    let t = texts[i]!;
    for (const m of ms) t = mutate(t, m as Mutation);
    if (hasSyntaxError(t)) return;
    compared++;
    expect(JSON.stringify(analyzePython(t).calls)).toBe(JSON.stringify(analyzePython(t, { noSlice: true }).calls));
  }), { numRuns: 300, seed: 5 });
  expect(compared).toBeGreaterThan(50);
});

test('notebooks: re-analysis after editing one cell equals a fresh analysis', () => {
  const cells = texts.slice(0, 12);
  let prev = analyzeNotebook(cells);
  let cur = [...cells];
  fc.assert(fc.property(fc.nat({ max: cells.length - 1 }), mutation, (i, m) => {
    const next = [...cur];
    next[i] = mutate(next[i]!, m as Mutation);
    const inc = analyzeNotebook(next, {}, prev);
    expect(JSON.stringify(inc.calls)).toBe(JSON.stringify(analyzeNotebook(next).calls));
    prev = inc;
    cur = next;
  }), { numRuns: 40, seed: 13 });
});
