/**
 * Benchmark of the Python analysis against CPython's own parser, in one run.
 *
 * A generated 5,000-line Python file with 500 stride calls (im2col, pooling, rolling windows,
 * framing, torch windows, some out of bounds) between ordinary code. Measured:
 * - full analysis (parse + facts + findings), median of repetitions after warm-up;
 * - CPython's `ast.parse` of the same text, timed inside a Python process (no start-up);
 * one of each per round, interleaved, so the load of a shared machine falls on both;
 * - re-analysis after a one-line edit (a window count in the middle changes), reusing the
 *   previous parse (Lezer `TreeFragment`s).
 * - a real ~85 KB library file (NumPy's linalg module, from the NumPy installed), analysed.
 * Targets: full ≤ 1.5 × ast.parse, re-analysis ≤ ¼ of full, the library file < 200 ms. Prints a table and writes
 * bench/results/analysis.json. Usage: npm run bench -- analysis [--reps 15]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parser } from '@lezer/python';
import { analyzePython, diffTexts } from '../src/analysis/index';
import { startPython } from './pythonServer';

/** The benchmark file: 500 blocks of 10 lines, each with one stride call. */
export function generate(blocks = 500): string {
  const out: string[] = ['import numpy as np', 'import torch', 'from numpy.lib.stride_tricks import as_strided, sliding_window_view', ''];
  for (let i = 0; i < blocks; i++) {
    const n = 16 + (i % 40);
    const k = 2 + (i % 4);
    switch (i % 6) {
      case 0:
        out.push(`# block ${i}: im2col`, `img_${i} = np.zeros((${n}, ${n}), dtype=np.float32)`, `s_${i} = img_${i}.strides`,
          `k_${i} = ${k}`, `out_${i} = img_${i}.shape[0] - k_${i} + 1`,
          `p_${i} = as_strided(img_${i}, (out_${i}, out_${i}, k_${i}, k_${i}), s_${i} + s_${i}, writeable=False)`,
          `cols_${i} = p_${i}.reshape(-1, k_${i} * k_${i})`, `total_${i} = sum(range(${i}))`, `label_${i} = "im2col %d" % ${i}`, '');
        break;
      case 1:
        out.push(`def pool_${i}(x, size=${k}):`, `    s0, s1 = x.strides`, `    h, w = x.shape`,
          `    v = as_strided(x, (h // size, w // size, size, size), (s0 * size, s1 * size, s0, s1))`,
          `    return v.max(axis=(2, 3))`, ``, `result_${i} = pool_${i}(np.ones((${n}, ${n})))`, `names_${i} = [str(j) for j in range(5)]`, `if result_${i} is None:`, `    raise ValueError("no result")`);
        break;
      case 2:
        out.push(`# block ${i}: rolling mean`, `x_${i} = np.arange(${n * 10}, dtype=np.float64)`, `w_${i} = ${k + 3}`,
          `r_${i} = as_strided(x_${i}, (x_${i}.shape[0] - w_${i} + ${i % 12 === 2 ? 2 : 1}, w_${i}), (x_${i}.itemsize, x_${i}.itemsize), writeable=False)`,
          `m_${i} = r_${i}.mean(axis=1)`, `d_${i} = {"mean": m_${i}, "n": ${n}}`, `for key in d_${i}:`, `    print(key, d_${i}[key])`, `del d_${i}`, '');
        break;
      case 3:
        out.push(`# block ${i}: audio frames`, `sig_${i} = np.zeros(${n * 100}, dtype=np.float32)`, `frame_${i}, hop_${i} = ${k * 32}, ${k * 16}`,
          `nf_${i} = 1 + (len(sig_${i}) - frame_${i}) // hop_${i}`,
          `fr_${i} = np.lib.stride_tricks.as_strided(sig_${i}, (nf_${i}, frame_${i}), (hop_${i} * 4, 4), writeable=False)`,
          `energy_${i} = (fr_${i} ** 2).sum(axis=1)`, `assert energy_${i}.shape[0] == nf_${i}`, `class Holder${i}:`, `    value = ${i}`, '');
        break;
      case 4:
        out.push(`# block ${i}: torch windows`, `keys_${i} = torch.randn(${n}, 8)`, `L_${i}, D_${i} = keys_${i}.shape`,
          `win_${i} = keys_${i}.as_strided((L_${i} - ${k} + 1, ${k}, D_${i}), (D_${i}, D_${i}, 1))`,
          `att_${i} = win_${i}.sum(dim=1)`, `with open("/dev/null") as fh_${i}:`, `    fh_${i}.read()`, `try:`, `    pass`, `except Exception: pass`);
        break;
      default:
        out.push(`# block ${i}: sliding_window_view`, `grid_${i} = np.random.rand(${n}, ${n})`,
          `sw_${i} = sliding_window_view(grid_${i}, (${k}, ${k}))[::${k}, ::${k}]`, `mx_${i} = sw_${i}.max(axis=(2, 3))`,
          `lam_${i} = lambda t: t * ${i}`, `vals_${i} = [lam_${i}(j) for j in range(3)]`, `while False:`, `    break`, `tup_${i} = (1, 2, 3) * 2`, '');
    }
  }
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// CPython's parser in one process: each request parses the file once and answers with the time in ms.
const AST_SERVER = [
  'import ast, sys, time',
  'text = open(sys.argv[1]).read()',
  'print(sys.version.split()[0], flush=True)',
  'for line in sys.stdin:',
  '    t0 = time.perf_counter(); ast.parse(text); dt = (time.perf_counter() - t0) * 1000',
  '    print(dt, flush=True)',
].join('\n');

async function main(): Promise<void> {
  const argReps = process.argv.indexOf('--reps');
  const reps = argReps >= 0 ? Number(process.argv[argReps + 1]) : 15;
  const text = generate();
  const lines = text.split('\n').length - 1;

  const first = analyzePython(text);
  const calls = first.calls.length;
  if (first.internalError) throw new Error(`analysis failed: ${first.internalError}`);

  // One-line edit in the middle: a window count changes.
  const m = /\nw_242 = (\d+)\n/.exec(text);
  if (!m) throw new Error('edit target not found');
  const at = m.index + 1;
  const target = m[0].slice(1, -1);
  const edited = text.slice(0, at) + `w_242 = ${Number(m[1]) + 1}` + text.slice(at + target.length);
  const changes = diffTexts(text, edited);
  const fresh = analyzePython(edited);
  const inc = analyzePython(edited, {}, first, changes);
  const same = JSON.stringify(inc.calls) === JSON.stringify(fresh.calls);
  // The slice parses only the statements that matter; compare with parsing the whole text.
  const whole = analyzePython(text, { noSlice: true });
  // Calls matched by where they are (a call only one side finds counts once).
  const where = (c: (typeof whole.calls)[number]) => `${c.range.unit}:${c.range.from}:${c.via ?? ''}`;
  const wholeAt = new Map(whole.calls.map((c) => [where(c), JSON.stringify(c)]));
  const sliceAt = new Set(first.calls.map(where));
  const sliceDiffers = first.calls.filter((c) => wholeAt.get(where(c)) !== JSON.stringify(c)).length
    + whole.calls.filter((c) => !sliceAt.has(where(c))).length;
  let wholeErrors = 0;
  parser.parse(text).iterate({ enter: (n) => { if (n.type.isError) wholeErrors++; } });

  // The three measurements are interleaved, one of each per round, so that the load of a
  // shared machine falls on all of them alike.
  const dir = mkdtempSync(join(tmpdir(), 'sl-bench-'));
  const file = join(dir, 'bench.py');
  writeFileSync(file, text);
  const ast = startPython(['-c', AST_SERVER, file]);
  if (!ast) console.error('The ast.parse comparison is skipped.');
  const pyVersion = ast ? await ast.hello : '';
  const fullTimes: number[] = [];
  const incTimes: number[] = [];
  const astTimes: number[] = [];
  try {
    for (let round = -3; round < reps; round++) {
      let t0 = performance.now();
      analyzePython(text);
      const tf = performance.now() - t0;
      t0 = performance.now();
      analyzePython(edited, {}, first, changes);
      const ti = performance.now() - t0;
      const ta = ast ? Number(await ast.request('go')) : NaN;
      if (round < 0) continue; // warm-up
      fullTimes.push(tf);
      incTimes.push(ti);
      astTimes.push(ta);
    }
  } finally {
    ast?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const stat = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  const full = stat(fullTimes);
  const incremental = stat(incTimes);
  const astMs = ast ? stat(astTimes) : undefined;

  const ratio = astMs ? full.median / astMs.median : null;
  const incRatio = incremental.median / full.median;
  const fmt = (t: { median: number; min: number; max: number }) => `${t.median.toFixed(1).padStart(7)} ms  (${t.min.toFixed(1)}–${t.max.toFixed(1)})`;
  console.log(`Python analysis benchmark: ${lines} lines, ${text.length} characters, ${calls} stride calls, ${reps} interleaved rounds (median, min–max)`);
  console.log(`  full analysis (parse + facts + findings)  ${fmt(full)}`);
  if (astMs) console.log(`  CPython ${pyVersion} ast.parse                 ${fmt(astMs)}`);
  console.log(`  re-analysis after a one-line edit         ${fmt(incremental)}`);
  console.log('');
  console.log(`  full / ast.parse     ${ratio === null ? 'n/a' : ratio.toFixed(2)}  (target ≤ 1.50) ${ratio === null ? '' : ratio <= 1.5 ? 'PASS' : 'FAIL'}`);
  console.log(`  re-analysis / full   ${incRatio.toFixed(2)}  (target ≤ 0.25) ${incRatio <= 0.25 ? 'PASS' : 'FAIL'}`);
  console.log(`  re-analysis equals a fresh analysis: ${same ? 'yes' : 'NO'}`);
  console.log(`  calls whose findings differ when the whole text is parsed: ${sliceDiffers} (error nodes in Lezer's whole-text parse: ${wholeErrors})`);

  // A real library file of about 85 KB: NumPy's own linear-algebra module, as installed.
  const lib = libraryFile();
  let libMs: number | null = null;
  let libAllMs: number | null = null;
  if (lib) {
    const times: number[] = [];
    for (let i = -3; i < reps; i++) {
      const t0 = performance.now();
      analyzePython(lib.text);
      if (i >= 0) times.push(performance.now() - t0);
    }
    libMs = median(times);
    // It makes no stride call, so the slice skips most of it: every statement interpreted too.
    const all: number[] = [];
    for (let i = -3; i < reps; i++) {
      const t0 = performance.now();
      analyzePython(lib.text, { noSlice: true });
      if (i >= 0) all.push(performance.now() - t0);
    }
    libAllMs = median(all);
    console.log(`  a real library file: ${lib.name} (${(lib.text.length / 1024).toFixed(0)} KB) ${libMs.toFixed(1)} ms, every statement interpreted ${libAllMs.toFixed(1)} ms  (target < 200 ms) ${Math.max(libMs, libAllMs) < 200 ? 'PASS' : 'FAIL'}`);
  } else console.error('No installed NumPy to take a library file from: that row is skipped.');

  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(join('bench', 'results', 'analysis.json'), JSON.stringify({
    date: new Date().toISOString(), node: process.version, python: pyVersion || null, lines, characters: text.length, calls, reps,
    fullMs: full, astParseMs: astMs ?? null, incrementalMs: incremental,
    fullOverAst: ratio, incrementalOverFull: incRatio, incrementalEqualsFresh: same,
    wholeTextParse: { callsThatDiffer: sliceDiffers, errorNodes: wholeErrors },
    libraryFile: lib ? { name: lib.name, characters: lib.text.length, ms: libMs, everyStatementMs: libAllMs } : null,
  }, null, 2) + '\n');
  if (!same) process.exitCode = 1;
}

/** NumPy's linalg module source (numpy/linalg/linalg.py in 1.x, _linalg.py in 2.x) from the Python on PATH. */
function libraryFile(): { name: string; text: string } | undefined {
  const r = spawnSync('python3', ['-c', 'import numpy.linalg as l, sys; m = sys.modules.get("numpy.linalg._linalg") or sys.modules["numpy.linalg.linalg"]; print(m.__file__)'], { encoding: 'utf8' });
  const path = r.status === 0 ? r.stdout.trim() : '';
  if (!path || !existsSync(path)) return undefined;
  return { name: `numpy/linalg/${basename(path)}`, text: readFileSync(path, 'utf8') };
}

main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
