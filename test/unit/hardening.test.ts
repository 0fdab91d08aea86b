// Issue 13: classes of hostile input an independent fuzz run found in `check`, `inspect` and
// `layout`. Each test failed before its fix; where NumPy has a verdict on a file
// (scripts/fixtures/hardening.py), the test compares with NumPy's, never with a guess.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeNotebook } from '../../src/analysis/index';
import { check, notebookCells } from '../../src/cli/check';
import { parseLayoutArgs } from '../../src/cli/layout';
import { printable } from '../../src/engine/format';
import { readNpyHeader } from '../../src/npy/format';
import { memorySource } from '../../src/npy/source';
import { inspectNpz } from '../../src/npy/zip';
import { GENERATED, loadFixture } from './fixtures';
import { inspectCaptured as inspect } from './npy/helpers';

interface Verdict { loads: boolean; error: string | null; shape: number[] | null }
const numpy = (): Record<string, Verdict> => loadFixture('hardening.json');
const H = join(GENERATED, 'hardening');

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'sl-hardening-')); });
afterEach(() => vi.restoreAllMocks());

async function runCheck(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await check(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}


const HEAD = 'import numpy as np\nfrom numpy.lib.stride_tricks import as_strided\n';

describe('check: growth and work stay bounded (items 1, 3)', () => {
  it('a tuple doubled twenty times is not a 2^20-dimensional shape', async () => {
    writeFileSync(join(dir, 'double.py'), `${HEAD}x = np.zeros(10)\nt = (1,)\n${'t = t + t\n'.repeat(20)}y = as_strided(x, shape=t, strides=t)\n`);
    const r = await runCheck(['--format', 'json', 'double.py']);
    const call = JSON.parse(r.out).files[0].calls[0];
    // Unknown (past NumPy's 64 dimensions), not a million findings.
    expect(Array.isArray(call.shape) ? call.shape.length : 0).toBeLessThanOrEqual(64);
    expect(call.diagnostics.length).toBeLessThanOrEqual(1);
  });

  it('t += t, t * k and t + t all stop at 64 items', async () => {
    for (const grow of ['t += t', 't = t * 2', 't = t + t']) {
      writeFileSync(join(dir, 'grow.py'), `${HEAD}x = np.zeros(10)\nt = (1,)\n${`${grow}\n`.repeat(7)}y = as_strided(x, shape=t, strides=t)\n`);
      const call = JSON.parse((await runCheck(['--format', 'json', 'grow.py'])).out).files[0].calls[0];
      expect(typeof call.shape === 'string' || call.shape === null || call.shape === undefined, grow).toBe(true);
    }
  });

  it('n = (n + 1) // 2 four thousand times ends with n unknown', async () => {
    writeFileSync(join(dir, 'halve.py'), `${HEAD}def f(x):\n    n = x.shape[0]\n${'    n = (n + 1) // 2\n'.repeat(4000)}    return as_strided(x, shape=(n, 2), strides=(8, 8))\n`);
    const r = await runCheck(['--format', 'json', 'halve.py']);
    const call = JSON.parse(r.out).files[0].calls[0];
    expect(r.code).toBe(0);
    expect(JSON.stringify(call.shape).length).toBeLessThan(400);
  });
});

describe('check: files that are not what they claim (items 2, 4, 7)', () => {
  it('a notebook whose JSON is null, or whose cells hold null, is named and the others still checked', async () => {
    expect(notebookCells('null')).toEqual({ ok: false, error: 'not a notebook: the JSON is null, not an object' });
    expect(notebookCells('[1]')).toEqual({ ok: false, error: 'not a notebook: the JSON is a list, not an object' });
    expect(notebookCells('{"cells": [null, 3, {"cell_type": "code", "source": "x = 1"}]}')).toEqual({ ok: true, cells: [{ index: 2, source: 'x = 1' }] });
    mkdirSync(join(dir, 'nbs'), { recursive: true });
    writeFileSync(join(dir, 'nbs', 'a_null.ipynb'), 'null');
    writeFileSync(join(dir, 'nbs', 'b_bad.py'), `${HEAD}x = np.zeros(4)\ny = as_strided(x, shape=(8,), strides=(8,))\n`);
    const r = await runCheck(['nbs']);
    expect(r.err).toContain('a_null.ipynb: not a notebook: the JSON is null');
    expect(r.out).toContain('b_bad.py:4:');
    expect(r.out).toContain('SL001');
    expect(r.code).toBe(2);
  });

  it('a FIFO named *.py in a searched folder is skipped; named on the command line it is refused; /dev/zero too', async () => {
    mkdirSync(join(dir, 'fifo'), { recursive: true });
    writeFileSync(join(dir, 'fifo', 'ok.py'), `${HEAD}x = np.zeros(4)\ny = as_strided(x, shape=(8,), strides=(8,))\n`);
    expect(spawnSync('mkfifo', [join(dir, 'fifo', 'pipe.py')]).status).toBe(0);
    const r = await runCheck(['fifo']);
    expect(r.out).toContain('ok.py:4:');
    const named = await runCheck([join('fifo', 'pipe.py')]);
    expect(named.err).toContain('not a regular file');
    expect(named.code).toBe(2);
    const zero = await runCheck(['/dev/zero']);
    expect(zero.err).toContain('not a regular file');
  });

  it("np.load of a FIFO named x.npy leaves the array unknown instead of blocking", async () => {
    mkdirSync(join(dir, 'load'), { recursive: true });
    expect(spawnSync('mkfifo', [join(dir, 'load', 'x.npy')]).status).toBe(0);
    writeFileSync(join(dir, 'load', 'l.py'), `${HEAD}a = np.load('x.npy')\ny = as_strided(a, shape=(3,), strides=(8,))\n`);
    const r = await runCheck(['--format', 'json', join('load', 'l.py')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files[0].calls).toHaveLength(1);
  });

  it('a UTF-8 byte-order mark hides nothing', async () => {
    const text = `${HEAD}x = np.zeros(4)\ny = as_strided(x, shape=(8,), strides=(8,))\n`;
    writeFileSync(join(dir, 'plain.py'), text);
    writeFileSync(join(dir, 'bom.py'), `\ufeff${text}`);
    const plain = await runCheck(['plain.py']);
    const bom = await runCheck(['bom.py']);
    expect(plain.code).toBe(1);
    expect(bom.code).toBe(1);
    expect(bom.out.replace('bom.py', 'plain.py')).toBe(plain.out);
  });
});

describe('check: output of many calls is written as it goes (item 6)', () => {
  it('json and sarif stay valid documents with every call', async () => {
    const lines = [HEAD, 'x = np.zeros(100)'];
    for (let i = 0; i < 300; i++) lines.push(`y${i} = as_strided(x, shape=(${(i % 90) + 20}, 3), strides=(8, 8))`);
    writeFileSync(join(dir, 'many.py'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'none.py'), 'x = 1\n');
    const j = JSON.parse((await runCheck(['--format', 'json', 'many.py', 'none.py'])).out);
    expect(j.files.map((f: { calls: unknown[] }) => f.calls.length)).toEqual([300, 0]);
    const s = JSON.parse((await runCheck(['--format', 'sarif', 'many.py'])).out);
    expect(s.runs[0].results.length).toBeGreaterThan(250);
    expect(s.runs[0].tool.driver.name).toBe('stride-lens');
  });
});

describe('check: a one-shot analysis keeps no history (item 6)', () => {
  const corpus = join(__dirname, '..', 'analysis-corpus');
  const files = readdirSync(corpus).filter((f) => f.endsWith('.py')).sort();
  it.each(files)('%s: the same calls and diagnostics, no statement records or reuse data', (file) => {
    const text = readFileSync(join(corpus, file), 'utf8');
    const full = analyzeNotebook([text, text]);
    const once = analyzeNotebook([text, text], { oneShot: true });
    expect(once.internalError).toBe(full.internalError);
    expect(once.reuse).toBeUndefined();
    expect(once.calls).toEqual(full.calls);
    expect(once.diagnostics).toEqual(full.diagnostics);
  });
  it('an incremental analysis after a one-shot one starts afresh and agrees', () => {
    const text = readFileSync(join(corpus, files[0]!), 'utf8');
    const once = analyzeNotebook([text], { oneShot: true });
    expect(analyzeNotebook([`${text}\n`], {}, once).calls.length).toBe(once.calls.length);
  });
});

describe('inspect (items 5, 9, 10, 12, 14, 15)', () => {
  it('a directory is named as one, with exit 2 and no stack trace', async () => {
    const r = await inspect(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a directory');
    expect(r.err).not.toContain('    at ');
  });

  it('an .npz member whose data is cut short is refused, as NumPy refuses it', async () => {
    const v = numpy();
    expect(v['truncated_member.npz/a']!.loads).toBe(false);
    expect(v['truncated_member.npz/b']!.loads).toBe(true);
    const r = await inspect(join(H, 'truncated_member.npz'), '--json');
    expect(r.code).toBe(2);
    const members = JSON.parse(r.out).members as { key: string; error?: string; shape?: number[] }[];
    expect(members.find((m) => m.key === 'a')!.error).toContain('needs 8000 data bytes; the file has 7992');
    expect(members.find((m) => m.key === 'b')!.shape).toEqual(v['truncated_member.npz/b']!.shape);
  });

  it('a version 3.0 header is measured in characters: astral field names NumPy loads are read', async () => {
    const v = numpy();
    const facts = v['v3_astral_names.npy.header'] as unknown as { characters: number; utf16_units: number };
    expect(facts.characters).toBeLessThanOrEqual(10_000);
    expect(facts.utf16_units).toBeGreaterThan(10_000);
    expect(v['v3_astral_names.npy']!.loads).toBe(true);
    const r = await inspect(join(H, 'v3_astral_names.npy'), '--json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).shape).toEqual(v['v3_astral_names.npy']!.shape);
  });

  it('compressed members are read only as far as their headers; repeated entries are read once', async () => {
    expect(numpy()['masks.npz/m29']!.shape).toEqual([2048, 2048]);
    const masks = await inspect(join(H, 'masks.npz'), '--json');
    expect(masks.code).toBe(0);
    expect(JSON.parse(masks.out).members.map((m: { shape: number[] }) => m.shape)).toEqual(Array.from({ length: 30 }, () => [2048, 2048]));
    const rep = await inspect(join(H, 'repeated_entries.npz'), '--json');
    expect(rep.code).toBe(0);
    const members = JSON.parse(rep.out).members as { shape: number[] }[];
    expect(members).toHaveLength(2000);
    expect(new Set(members.map((m) => JSON.stringify(m.shape)))).toEqual(new Set(['[1000]']));
  });

  it('the inflation of one archive is bounded: past its budget, members are named as not read', async () => {
    const src = memorySource(new Uint8Array(readFileSync(join(H, 'masks.npz'))));
    const all = await inspectNpz(src, { name: 'masks.npz' });
    expect(all.ok && all.value.every((m) => m.header?.shape.join() === '2048,2048')).toBe(true);
    // About 66 KiB of all-zero data per header read: a 300 KiB budget covers a few members only.
    const r = await inspectNpz(src, { name: 'masks.npz', inflateBudget: 300 * 1024 });
    if (!r.ok) throw new Error(r.error);
    const read = r.value.filter((m) => m.header);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(30);
    expect(r.value.slice(read.length).every((m) => !m.header)).toBe(true);
    for (const m of r.value.slice(read.length)) expect(m.error).toMatch(/^masks\.npz\/m\d+\.npy: (cannot read: )?not read: this archive's headers needed more than 307200 inflated bytes/);
  });

  it('member names cannot drive the terminal or forge lines', async () => {
    expect(numpy()['control_names.npz']!.loads).toBe(true);
    const r = await inspect(join(H, 'control_names.npz'));
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('\u001b');
    expect(r.out).toContain('\\x1b[2J\\x1b[31mred');
    expect(r.out.split('\n').some((l) => l.startsWith('forged'))).toBe(false);
    expect(printable('a\nb\u0000c\u009bd\\e')).toBe('a\\x0ab\\x00c\\x9bd\\e');
  });

  it('a text file named .npz is called not a .npz file (NumPy refuses it too)', async () => {
    expect(numpy()['text.npz']!.loads).toBe(false);
    const r = await inspect(join(H, 'text.npz'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a .npz file');
  });

  it('piped input is read whole, not measured as 0 bytes', () => {
    // The real entry point, bundled as npm run build does, reading a pipe.
    const cli = join(dir, 'cli.cjs');
    buildSync({ entryPoints: [join(__dirname, '..', '..', 'src', 'cli', 'main.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'silent' });
    const npy = join(GENERATED, 'npy', 'float_f4_be.npy');
    const r = spawnSync('sh', ['-c', 'cat "$1" | "$2" "$3" inspect /dev/stdin --json', 'sh', npy, process.execPath, cli], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).descr).toBe('>f4');
  });

  it('header errors name the bad value, not a JavaScript error', async () => {
    const header = (h: string) => {
      const body = `${h}\n`;
      const len = Buffer.alloc(2);
      len.writeUInt16LE(body.length);
      return Buffer.concat([Buffer.from([0x93]), Buffer.from('NUMPY\x01\x00', 'latin1'), len, Buffer.from(body, 'latin1')]);
    };
    writeFileSync(join(dir, 'big_sub.npy'), header("{'descr': [('a', '<f4', (9007199254740993,))], 'fortran_order': False, 'shape': (2,), }"));
    writeFileSync(join(dir, 'hex.npy'), header("{'descr': '<f4', 'fortran_order': False, 'shape': (0x_,), }"));
    writeFileSync(join(dir, 'pad.npy'), header(`{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x' }\0\0\0      `));
    const big = await inspect(join(dir, 'big_sub.npy'));
    expect(big.err).toContain('9007199254740993');
    expect(big.err).not.toMatch(/BigInt/);
    const hex = await inspect(join(dir, 'hex.npy'));
    expect(hex.err).toContain("malformed number '0x_'");
    const pad = await inspect(join(dir, 'pad.npy'));
    expect(pad.err).toContain('cannot parse header');
    expect(pad.err).not.toContain('\u0000');
    expect(pad.err).not.toMatch(/ {6}/);
  });
});

describe('layout arguments (item 15)', () => {
  const base = ['--itemsize', '4', '--shape', '3', '--strides', '4'];
  const err = (args: string[]) => { const r = parseLayoutArgs(args); return r.ok ? undefined : r.error; };
  it('a missing value is called missing', () => {
    expect(err(['--itemsize', '--shape', '3', '--strides', '4'])).toBe('--itemsize needs a value');
  });
  it('flags take no value', () => {
    expect(err([...base, '--torch=no'])).toContain('--torch is a flag and takes no value');
    expect(err([...base, '--json=false'])).toContain('--json is a flag and takes no value');
  });
  it('more than 64 dimensions are refused, as NumPy refuses them', () => {
    const many = Array(65).fill('1').join(',');
    expect(err(['--itemsize', '4', '--shape', many, '--strides', many])).toBe('--shape has 65 dimensions; NumPy allows at most 64');
  });
  it('itemsize 0 is refused whichever way it is given', () => {
    expect(err(['--dtype', 'V0', '--shape', '3', '--strides', '4'])).toContain('itemsize 0');
    expect(err(['--dtype', 'S0', '--shape', '3', '--strides', '4'])).toContain('itemsize 0');
    expect(err(['--itemsize', '0', '--shape', '3', '--strides', '4'])).toContain('must be positive');
  });
  it('a budget past 2^53 is no budget, not an error', () => {
    const r = parseLayoutArgs([...base, '--max-work', String(2n ** 70n)]);
    expect(r.ok && r.value !== 'help' ? r.value.maxWork : undefined).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('.npy header grammar: exactly what NumPy accepts (item 11)', () => {
  interface Grammar { loads: boolean; error?: string; shape?: number[]; fortran?: boolean; descr?: unknown; text: string }
  const cases = loadFixture<Record<string, Grammar>>('hardening_headers.json');
  // Two headers NumPy loads that we refuse, with a message saying why: a negative dimension
  // (NumPy lets the data decide the length; the viewer shows the shape before reading data),
  // and a \N{…} escape (a character by its Unicode name: the name table is not shipped).
  const REFUSED_ON_PURPOSE = new Set(['negative_shape', 'named_escape']);
  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: ${c.loads ? 'loads' : `refused (${c.error})`} as in NumPy`, async () => {
      const bytes = readFileSync(join(H, `header_${name}.npy`));
      const r = await readNpyHeader(memorySource(new Uint8Array(bytes)), { name: `${name}.npy` });
      if (REFUSED_ON_PURPOSE.has(name)) { expect(c.loads).toBe(true); expect(r.ok).toBe(false); return; }
      expect(r.ok ? 'loads' : r.error, c.text).toEqual(c.loads ? 'loads' : expect.stringContaining(`${name}.npy: `));
      if (r.ok) {
        expect([...r.value.shape]).toEqual(c.shape!.map(Number)); // (True,) is (1,)
        expect(r.value.fortranOrder).toBe(c.fortran);
        // Field names as NumPy decoded them (escapes, titles), padding aside.
        if (Array.isArray(c.descr)) {
          const names = (c.descr as unknown[][]).map((e) => (Array.isArray(e[0]) ? e[0][1] : e[0]) as string).filter((n) => n !== '');
          expect((r.value.dtype.fields ?? []).map((f) => f.name).filter((n) => n !== '')).toEqual(names);
        }
      }
    });
  }
});
