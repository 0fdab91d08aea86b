// A bounded fuzz pass over the command line, run by npm test: generated hostile Python,
// notebooks and `layout` arguments of the classes issue 13 found (growing tuples, long
// symbolic chains, huge literals, byte-order marks, null cells, flags with values, too many
// dimensions). Every run must end with a documented exit status and messages that name the
// problem: never an internal error, a JavaScript error text, or output out of proportion.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { check } from '../../src/cli/check';
import { runLayout } from '../../src/cli/layout';

const SEED = 20261203;
const JS_ERROR = /internal error|TypeError|RangeError|BigInt|serialize|Cannot read|undefined| {4}at /;
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'sl-cli-fuzz-')); });
afterEach(() => vi.restoreAllMocks());

async function runCheck(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await check(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out, err: err.join('\n') };
}

/** Statements of the hostile classes, over names the generated programs share. */
const statement = fc.oneof(
  fc.constantFrom('t = t + t', 't += t', 't = t * 3', 'n = (n + 1) // 2', 'n = n * n', 'n = n + n', 'k = 2 ** 62', 'k = -2 ** 63',
    'k = 10 ** 40', 'n = len(x)', 'x = x[1:]', 'x = x.T', 's = x.strides', 't = x.shape + t', 'if n:\n    t = (n,)',
    'for i in range(3):\n    t = t + (i,)', 'l = []\nl.append(n)', 'del n', 'x = np.pad(x, 1)'),
  fc.tuple(fc.constantFrom('shape', 'strides'), fc.array(fc.constantFrom('n', 'k', '1', '-1', '0', 't[0]', '2**70', 'x.shape[0]', '*t'), { minLength: 0, maxLength: 5 }))
    .map(([what, items]) => `y = as_strided(x, ${what}=(${items.join(', ')}${items.length === 1 ? ',' : ''}))`),
  fc.array(fc.constantFrom('t', 'n', 'k', '1', '2**64'), { minLength: 1, maxLength: 3 })
    .map((items) => `y = as_strided(x, shape=(${items.join(', ')},), strides=(${items.join(', ')},))`),
);

const program = fc.tuple(fc.boolean(), fc.array(fc.tuple(statement, fc.nat(200)), { minLength: 1, maxLength: 12 }))
  .map(([bom, stmts]) => `${bom ? '\ufeff' : ''}import numpy as np\nfrom numpy.lib.stride_tricks import as_strided\nx = np.zeros((6, 7))\nt = (1,)\nn = x.shape[0]\n${
    // A repeat count per statement: long chains are what blew up.
    stmts.map(([s, times]) => `${s}\n`.repeat(s.includes('\n') ? 1 : 1 + (times % 40))).join('')}y = as_strided(x, shape=t, strides=t)\n`);

describe('check over generated hostile programs', () => {
  it('ends with 0, 1 or 2, no internal error, output in proportion to the calls', async () => {
    const codes = new Set<number>();
    await fc.assert(fc.asyncProperty(program, async (text) => {
      writeFileSync(join(dir, 'p.py'), text);
      const r = await runCheck(['p.py']);
      codes.add(r.code);
      expect([0, 1, 2], text).toContain(r.code);
      expect(r.err, text).not.toMatch(JS_ERROR);
      const calls = (text.match(/as_strided\(/g) ?? []).length;
      expect(r.out.length, text).toBeLessThanOrEqual(calls * 8);
    }), { seed: SEED, numRuns: 120 });
    // The programs are neither all clean nor all wrong: both verdicts occur.
    expect([...codes].sort()).toEqual([0, 1]);
  }, 60_000);
});

describe('check over generated notebooks', () => {
  const cell = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 5 }),
    fc.record({ cell_type: fc.constantFrom('code', 'markdown', null, 3), source: fc.oneof(fc.constant('x = 1'), fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constant(null))), fc.constant(null), fc.integer()) }, { requiredKeys: [] }));
  const notebook = fc.oneof(fc.jsonValue(), fc.record({ cells: fc.oneof(fc.array(cell, { maxLength: 6 }), fc.constant(null), fc.string()) }, { requiredKeys: [] }));
  it('every JSON document: findings or a named error, exit 0, 1 or 2', async () => {
    await fc.assert(fc.asyncProperty(notebook, async (nb) => {
      writeFileSync(join(dir, 'n.ipynb'), JSON.stringify(nb) ?? 'null');
      const r = await runCheck(['n.ipynb']);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.err).not.toMatch(JS_ERROR);
      if (r.code === 2) expect(r.err).toContain('n.ipynb: not a notebook');
    }), { seed: SEED, numRuns: 300 });
  });
});

describe('layout over generated arguments', () => {
  const token = fc.oneof(
    fc.constantFrom('--itemsize', '--dtype', '--shape', '--strides', '--offset', '--nbytes', '--base-shape', '--torch', '--json', '--max-work',
      '--torch=no', '--json=false', '--itemsize=0', '--dtype=V0', '--dtype=S0', '4', '0', '-8', '3,3', '26,26,3,3', '112,4,112,4', '2**70',
      String(2n ** 70n), '0x_', 'float32', '<i8', 'exact', '', '1__0'),
    fc.integer({ min: 1, max: 80 }).map((n) => Array(n).fill('2').join(',')),
  );
  it('every argument list: a report or one line naming the problem, exit 0 or 2', async () => {
    const codes = new Set<number>();
    const valid = ['--itemsize', '4', '--shape', '26,26,3,3', '--strides', '112,4,112,4', '--base-shape', '28,28'];
    const argv = fc.oneof(fc.array(token, { maxLength: 12 }), fc.array(fc.constantFrom('--json', '--torch', '--offset=8', '--max-work=exact', '--max-work', '5'), { maxLength: 3 }).map((extra) => [...valid, ...extra]),
      fc.tuple(fc.array(token, { maxLength: 2 }), fc.nat(valid.length)).map(([extra, at]) => [...valid.slice(0, at), ...extra, ...valid.slice(at)]));
    await fc.assert(fc.asyncProperty(argv, async (args) => {
      const out: string[] = [];
      const err: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
      vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
      const code = await runLayout(args);
      vi.restoreAllMocks();
      codes.add(code);
      expect([0, 2], args.join(' ')).toContain(code);
      expect(err.join('\n'), args.join(' ')).not.toMatch(JS_ERROR);
      if (code === 2) expect(err.join('\n').length).toBeGreaterThan(10);
    }), { seed: SEED, numRuns: 1500 });
    expect([...codes].sort()).toEqual([0, 2]);
  });
});
