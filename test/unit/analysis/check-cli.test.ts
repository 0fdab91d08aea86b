// `stride-lens check`: text lines, JSON and SARIF over .py files, notebooks and folders, and
// the exit status (1 for errors, 0 otherwise, 2 on bad usage).
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../../src/cli/check';

let dir: string;
const GOOD = 'import numpy as np\nimage = np.zeros((28, 28), dtype=np.float32)\nv = np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides * 2, writeable=False)\n';
const BAD = 'import numpy as np\nimage = np.zeros((28, 28), dtype=np.float32)\n\nv = np.lib.stride_tricks.as_strided(image, (28, 28, 3, 3), image.strides * 2, writeable=False)\n';
const WARN = 'import numpy as np\nx = np.arange(10.0)\nw = np.lib.stride_tricks.as_strided(x, (8, 3), x.strides * 2)\nw[0, 1] = 1.0\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sl-check-'));
  writeFileSync(join(dir, 'good.py'), GOOD);
  writeFileSync(join(dir, 'bad.py'), BAD);
  writeFileSync(join(dir, 'warn.py'), WARN);
  const nb = { cells: [
    { cell_type: 'markdown', source: ['# title'] },
    { cell_type: 'code', source: ['import numpy as np\n', 'image = np.zeros((28, 28), dtype=np.float32)'] },
    { cell_type: 'code', source: '%matplotlib inline\nv = np.lib.stride_tricks.as_strided(image, (28, 28, 3, 3), image.strides * 2, writeable=False)' },
  ], nbformat: 4, nbformat_minor: 5, metadata: {} };
  mkdirSync(join(dir, 'nbs'));
  writeFileSync(join(dir, 'nbs', 'n.ipynb'), JSON.stringify(nb));
  writeFileSync(join(dir, 'nbs', 'broken.txt'), 'ignored');
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await check(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('stride-lens check', () => {
  test('a clean file exits 0 and prints no findings', async () => {
    const r = await run(['good.py']);
    expect(r.status).toBe(0);
    expect(r.out).toBe('');
  });

  test('an out-of-bounds view: file:line:col: CODE message, exit 1', async () => {
    const r = await run(['good.py', 'bad.py']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^bad\.py:4:5: SL001 reads \d+ B past the end of image \(3136 B\)/);
  });

  test('warnings alone exit 0', async () => {
    const r = await run(['warn.py']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^warn\.py:3:5: SL003 /m);
  });

  test('notebooks: code cells in order, magics skipped, cell named in the location', async () => {
    const r = await run(['nbs']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^nbs\/n\.ipynb#cell3:2:5: SL001 /);
  });

  test('JSON: per call the resolved view, inBounds, requires and diagnostics', async () => {
    const r = await run(['--format', 'json', 'good.py', 'bad.py']);
    const j = JSON.parse(r.out);
    expect(j.files.map((f: { path: string }) => f.path)).toEqual(['good.py', 'bad.py']);
    const good = j.files[0].calls[0];
    expect(good.shape).toEqual([26, 26, 3, 3]);
    expect(good.strides).toEqual([112, 4, 112, 4]);
    expect(good.inBounds).toBe(true);
    expect(good.requires).toEqual([]);
    expect(j.files[1].calls[0].diagnostics[0].code).toBe('SL001');
  });

  test('JSON: a view resolved at a call site is listed at the call\'s line, via the function', async () => {
    writeFileSync(join(dir, 'site.py'), 'import numpy as np\ndef f(image, k):\n    return np.lib.stride_tricks.as_strided(image, (30 - k, 30 - k, k, k), image.strides * 2)\n\ncols = f(np.zeros((28, 28), dtype=np.float32), 3)\n');
    const j = JSON.parse((await run(['--format', 'json', 'site.py'])).out);
    const site = j.files[0].calls.find((c: { via?: string }) => c.via);
    expect(site).toMatchObject({ line: 5, via: 'f', fn: 'as_strided', inBounds: false });
    expect(site.diagnostics.map((d: { code: string }) => d.code)).toContain('SL001');
    expect(j.files[0].calls.find((c: { via?: string }) => !c.via).line).toBe(3);
  });

  test('JSON for an unknown source gives symbolic strides and requirements', async () => {
    writeFileSync(join(dir, 'sym.py'), 'import numpy as np\ndef f(image):\n    return np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides * 2, writeable=False)\n');
    const j = JSON.parse((await run(['--format=json', 'sym.py'])).out);
    expect(j.files[0].calls[0].strides).toEqual(['image.strides[0]', 'image.strides[1]', 'image.strides[0]', 'image.strides[1]']);
    expect(j.files[0].calls[0].requires).toEqual(['image.shape ≥ (28, 28)']);
  });

  test('SARIF 2.1.0 with one rule per code and 1-based regions', async () => {
    const r = await run(['--format', 'sarif', 'bad.py']);
    const s = JSON.parse(r.out);
    expect(s.version).toBe('2.1.0');
    expect(s.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['SL001', 'SL002', 'SL003', 'SL004', 'SL005', 'SL006', 'SL007', 'SL008']);
    const res = s.runs[0].results[0];
    expect(res.ruleId).toBe('SL001');
    expect(res.level).toBe('error');
    expect(res.locations[0].physicalLocation.region.startLine).toBe(4);
    expect(r.status).toBe(1);
  });

  test('bad usage exits 2', async () => {
    expect((await run([])).status).toBe(2);
    expect((await run(['--format', 'xml', 'good.py'])).status).toBe(2);
    expect((await run(['--frobnicate', 'good.py'])).status).toBe(2);
    expect((await run(['missing.py'])).status).toBe(2);
    writeFileSync(join(dir, 'bad.ipynb'), '{not json');
    const r = await run(['bad.ipynb']);
    expect(r.status).toBe(2);
    expect(r.err).toContain('invalid JSON');
  });

  test('np.load reads the .npy header next to the file', async () => {
    const py = spawnSync('node', ['scripts/python.mjs', '-c', `import numpy as np; np.save(${JSON.stringify(join(dir, 'img.npy'))}, np.zeros((28, 28), np.float32))`], { encoding: 'utf8' });
    if (py.status !== 0) throw new Error(`could not write the .npy with NumPy: ${py.stderr}`);
    writeFileSync(join(dir, 'load.py'), "import numpy as np\nimage = np.load('img.npy')\nv = np.lib.stride_tricks.as_strided(image, (27, 27, 3, 3), image.strides * 2, writeable=False)\n");
    const j = JSON.parse((await run(['--format', 'json', 'load.py'])).out);
    expect(j.files[0].calls[0].inBounds).toBe(false);
    expect(j.files[0].calls[0].strides).toEqual([112, 4, 112, 4]);
  });
});
