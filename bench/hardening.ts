/**
 * The adversarial inputs of issue 13, run through the built CLI (dist/cli.js) one process
 * each, with wall time, peak memory (GNU time's maximum resident set) and output size.
 * A case that runs past the time limit is killed and reported as such.
 *
 *   npm run build && npm run bench -- hardening [label] [--limit SECONDS]
 *
 * Writes bench/results/hardening-<label>.json (label defaults to "after"; the committed
 * "before" file was measured on the commit before the fixes).
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findPython } from '../scripts/find-python.mjs';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limitS = limitAt >= 0 ? Number(args[limitAt + 1]) : 60;
const label = args.find((a, i) => !a.startsWith('--') && (limitAt < 0 || i !== limitAt + 1)) ?? 'after';
const root = resolve(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build');
if (!existsSync('/usr/bin/time')) throw new Error('GNU time (/usr/bin/time) is needed to measure peak memory');

const dir = mkdtempSync(join(tmpdir(), 'stride-lens-hardening-'));
const w = (name: string, text: string | Uint8Array): string => { const p = join(dir, name); writeFileSync(p, text); return p; };

function tupleDoubling(times: number): string {
  const lines = ['import numpy as np', 'from numpy.lib.stride_tricks import as_strided', 'x = np.zeros(10)', 't = (1,)'];
  for (let i = 0; i < times; i++) lines.push('t = t + t');
  lines.push('y = as_strided(x, shape=t, strides=t)');
  return `${lines.join('\n')}\n`;
}

function halving(times: number): string {
  const lines = ['import numpy as np', 'from numpy.lib.stride_tricks import as_strided', 'def f(x):', '    n = x.shape[0]'];
  for (let i = 0; i < times; i++) lines.push('    n = (n + 1) // 2');
  lines.push('    return as_strided(x, shape=(n, 2), strides=(8, 8))');
  return `${lines.join('\n')}\n`;
}

function manyCalls(n: number): string {
  const lines = ['import numpy as np', 'from numpy.lib.stride_tricks import as_strided', 'x = np.zeros(100)'];
  for (let i = 0; i < n; i++) lines.push(`y${i} = as_strided(x, shape=(${(i % 90) + 20}, 3), strides=(8, 8))`);
  return `${lines.join('\n')}\n`;
}

const python = findPython();
if (!python) throw new Error('No Python with NumPy: run bash scripts/setup-test-deps.sh');
/** `.npz` files made by NumPy itself, and zips whose directory repeats one member. */
execFileSync(python, ['-c', `
import io, struct, sys, zipfile, numpy as np
d = sys.argv[1]
np.savez_compressed(d + '/masks.npz', **{f'm{i}': np.zeros((8192, 8192), dtype=bool) for i in range(30)})
buf = io.BytesIO()
np.save(buf, np.arange(1000, dtype=np.float64))
member = buf.getvalue()
for n in (100, 10000):
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('a.npy', member)
    data = raw.getvalue()
    eocd = data.rindex(b'PK\\x05\\x06')
    cd_size, cd_off = struct.unpack('<II', data[eocd + 12:eocd + 20])
    entry = data[cd_off:cd_off + cd_size]
    entries = b''.join(entry.replace(b'a.npy', f'{i:05d}'[:5].encode()) for i in range(n))
    tail = struct.pack('<4sHHHHIIH', b'PK\\x05\\x06', 0, 0, n, n, len(entries), cd_off, 0)
    open(f'{d}/repeat{n}.npz', 'wb').write(data[:cd_off] + entries + tail)
`, dir], { stdio: 'inherit' });

mkdirSync(join(dir, 'fifo-dir'));
w('fifo-dir/ok.py', 'import numpy as np\nfrom numpy.lib.stride_tricks import as_strided\nx = np.zeros(4)\ny = as_strided(x, shape=(8,), strides=(8,))\n');
spawnSync('mkfifo', [join(dir, 'fifo-dir', 'pipe.py')]);

interface Case { name: string; argv: string[] }
const cases: Case[] = [
  { name: 'check: t = t + t ×20 as a shape', argv: ['check', w('double20.py', tupleDoubling(20))] },
  { name: 'check: t = t + t ×40 as a shape', argv: ['check', w('double40.py', tupleDoubling(40))] },
  { name: 'check: n = (n + 1) // 2 ×2000', argv: ['check', w('halve2000.py', halving(2000))] },
  { name: 'check: n = (n + 1) // 2 ×4000', argv: ['check', w('halve4000.py', halving(4000))] },
  { name: 'check: notebook whose JSON is null', argv: ['check', w('null.ipynb', 'null')] },
  { name: 'check: a folder with a FIFO named pipe.py', argv: ['check', join(dir, 'fifo-dir')] },
  { name: 'check: /dev/zero', argv: ['check', '/dev/zero'] },
  { name: 'check --format json: 50,000 stride calls', argv: ['check', '--format', 'json', w('many.py', manyCalls(50_000))] },
  { name: 'check --format sarif: 50,000 stride calls', argv: ['check', '--format', 'sarif', join(dir, 'many.py')] },
  { name: 'inspect: a directory', argv: ['inspect', dir] },
  { name: 'inspect: 30 compressed 8192×8192 masks', argv: ['inspect', join(dir, 'masks.npz')] },
  { name: 'inspect: 100 entries → one member', argv: ['inspect', join(dir, 'repeat100.npz')] },
  { name: 'inspect: 10,000 entries → one member', argv: ['inspect', join(dir, 'repeat10000.npz')] },
];

interface Row { name: string; exit: number | string; seconds: number; maxRssMiB: number; outputBytes: number; firstError: string }
const rows: Row[] = [];
for (const c of cases) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...c.argv], {
    timeout: limitS * 1000, killSignal: 'SIGKILL', maxBuffer: 4 << 30, encoding: 'buffer', cwd: dir,
  });
  const stderr = r.stderr?.toString('utf8') ?? '';
  const timeLine = /(\d+\.\d+) (\d+)\s*$/.exec(stderr);
  const killed = r.signal === 'SIGKILL' || r.error !== undefined;
  // Paths under the scratch folder are shown as <tmp>/…: no machine path in the results.
  const firstError = stderr.split('\n').find((l) => l.trim() && !/^\d+\.\d+ \d+$/.test(l) && !l.startsWith('Command '))
    ?.split(dir).join('<tmp>').slice(0, 120) ?? '';
  rows.push({
    name: c.name,
    exit: killed ? `killed at ${limitS} s` : (r.status ?? `signal ${r.signal}`),
    seconds: killed ? limitS : Number(timeLine?.[1] ?? NaN),
    maxRssMiB: killed ? NaN : Math.round(Number(timeLine?.[2] ?? NaN) / 1024),
    outputBytes: r.stdout?.length ?? 0,
    firstError,
  });
  const last = rows[rows.length - 1]!;
  console.log(`${last.name.padEnd(46)} exit ${String(last.exit).padEnd(16)} ${last.seconds.toFixed(2).padStart(7)} s ${String(last.maxRssMiB).padStart(6)} MiB ${String(last.outputBytes).padStart(11)} B out  ${last.firstError}`);
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const out = join(root, 'bench', 'results', `hardening-${label}.json`);
writeFileSync(out, `${JSON.stringify({ label, limitSeconds: limitS, node: process.version, rows }, null, 2)}\n`);
console.log(`wrote bench/results/hardening-${label}.json`);
