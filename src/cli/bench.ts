/**
 * `stride-lens bench`: the kernel benchmarks of the command palette, in a terminal.
 *
 *   stride-lens bench [--suite conv2d|maxpool|transpose|window|all] [--size seed|large|small|TEXT]
 *                     [--json] [--python PATH | --no-numpy] [--budget-ms N]
 *
 * `--json` prints `{ "machine": {…}, "results": [ … ] }`, one result per variant with exactly
 * suite, variant, size, medianMs, minMs, maxMs, iqrMs, gbPerS or gflops, fractionOfCopy,
 * verified. Exit status: 0 every variant verified, 1 a variant did not compute what the naive
 * one does, 2 bad usage, 3 the run failed.
 */
import * as path from 'node:path';
import { runBenchmarks, type PythonTarget } from '../bench/host';
import { groupResults, throughputText } from '../bench/present';
import { parseSize, SIZE_FORMS, type SuiteParams } from '../bench/sizes';
import { DEFAULT_BUDGET } from '../bench/stats';
import { SUITES, type BenchRun, type SuiteName } from '../bench/types';

const USAGE = `usage: stride-lens bench [--suite conv2d|maxpool|transpose|window|all] [--size seed|large|small|TEXT]
                         [--json] [--python PATH | --no-numpy] [--budget-ms N]

  --suite      which kernels (default all)
  --size       seed (default: the seeds' sizes), large, small, or the suite's own size text:
${SUITES.map((s) => `                 ${s.padEnd(10)} ${SIZE_FORMS[s].form}; seed ${SIZE_FORMS[s].seed}, large ${SIZE_FORMS[s].large}`).join('\n')}
  --python     the Python whose NumPy runs the same kernels (default: $STRIDE_LENS_PYTHON, else python3)
  --no-numpy   our kernels only
  --budget-ms  time spent on one variant at most, once its blocks are sized (default ${DEFAULT_BUDGET.budgetMs})
  --json       machine-readable output`;

interface Options { runs: SuiteParams[]; json: boolean; python: string | null; budgetMs: number }

export function parseBenchArgs(args: readonly string[]): Options | 'help' | { error: string } {
  let suite = 'all', size = 'seed', json = false, python: string | null = process.env.STRIDE_LENS_PYTHON || 'python3', budgetMs = DEFAULT_BUDGET.budgetMs;
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    let v: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    const value = () => {
      const x = v ?? args[++i];
      if (x === undefined || (v === undefined && x.startsWith('--'))) throw new Error(`${a} needs a value`);
      return x;
    };
    try {
      switch (a) {
        case '--help': case '-h': return 'help';
        case '--json': json = true; break;
        case '--no-numpy': python = null; break;
        case '--suite': suite = value(); break;
        case '--size': size = value(); break;
        case '--python': python = value(); break;
        case '--budget-ms': {
          const t = value();
          if (!/^\d{1,7}$/.test(t) || Number(t) < 1) return { error: `--budget-ms '${t}' is not a positive whole number of milliseconds` };
          budgetMs = Number(t);
          break;
        }
        default: return { error: `unknown option '${args[i]}'` };
      }
    } catch (err) {
      return { error: (err as Error).message };
    }
  }
  const names: SuiteName[] = suite === 'all' ? [...SUITES] : (SUITES as readonly string[]).includes(suite) ? [suite as SuiteName] : [];
  if (names.length === 0) return { error: `--suite '${suite}' is not one of ${SUITES.join(', ')}, all` };
  if (names.length > 1 && !['seed', 'large', 'small'].includes(size)) return { error: `--size '${size}' with --suite all: give seed, large or small, or pick one suite for a size of your own` };
  const runs: SuiteParams[] = [];
  for (const s of names) {
    const p = parseSize(s, size);
    if ('error' in p) return p;
    runs.push(p);
  }
  return { runs, json, python, budgetMs };
}

function ms(x: number | null): string {
  if (x === null) return '-';
  return x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x >= 0.01 ? x.toFixed(4) : x.toExponential(2);
}

/** The machine, then a table per suite and size, one line per variant. */
export function formatRun(run: BenchRun): string {
  const m = run.machine;
  const lines = [
    `machine: ${m.cpu}, ${m.cores} cores, ${m.platform}, Node ${m.node} (our kernels: ${m.threads} thread each)`,
    m.numpy ? `NumPy ${m.numpy.numpy} (Python ${m.numpy.python}${m.numpy.blas ? `, ${m.numpy.blas}` : ''}, ${m.numpy.threads ?? '?'} BLAS threads: ${m.numpy.threadsSource})` : `NumPy: ${m.numpyMessage ?? 'not run'}`,
  ];
  for (const { suite, size, results: rs } of groupResults(run.results)) {
    lines.push('', `${suite} ${size}`);
    const rows = [['variant', 'median ms', 'IQR', 'min', 'max', 'throughput', 'of copy', 'verified']];
    for (const r of rs) {
      rows.push([r.variant, ms(r.medianMs), ms(r.iqrMs), ms(r.minMs), ms(r.maxMs), throughputText(r) ?? '-',
        r.fractionOfCopy === null ? '-' : `${(100 * r.fractionOfCopy).toFixed(0)} %`, r.verified ? 'yes' : 'NO']);
    }
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
    for (const row of rows) lines.push('  ' + row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    for (const r of rs) if (r.note) lines.push(`  note: ${r.variant}: ${r.note}`);
  }
  if (run.cancelled) lines.push('', 'cancelled: the results above are the ones measured before');
  return lines.join('\n');
}

/** The documented JSON: exactly these keys per result. */
export function runJson(run: BenchRun): { machine: BenchRun['machine']; results: Record<string, unknown>[] } {
  return {
    machine: run.machine,
    results: run.results.map((r) => ({
      suite: r.suite, variant: r.variant, size: r.size, medianMs: r.medianMs, minMs: r.minMs, maxMs: r.maxMs, iqrMs: r.iqrMs,
      ...(r.gflops !== null || (r.gbPerS === null && r.computes === 'conv') ? { gflops: r.gflops } : { gbPerS: r.gbPerS }),
      fractionOfCopy: r.fractionOfCopy, verified: r.verified,
    })),
  };
}

export async function runBench(args: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): Promise<number> {
  const o = parseBenchArgs(args);
  if (o === 'help') { out(USAGE); return 0; }
  if ('error' in o) { err(`stride-lens bench: ${o.error}\n\n${USAGE}`); return 2; }
  const python: PythonTarget | null = o.python ? { executable: o.python, pythonPath: path.join(__dirname, '..', 'python') } : null;
  const ac = new AbortController();
  const onSignal = () => ac.abort();
  process.once('SIGINT', onSignal);
  try {
    const run = await runBenchmarks({
      runs: o.runs, workerPath: path.join(__dirname, 'benchWorker.js'), python, numpyMessage: 'not run (--no-numpy)',
      budget: { ...DEFAULT_BUDGET, budgetMs: o.budgetMs }, signal: ac.signal,
      onProgress: (done, total, label) => { if (done < total) err(`[${done + 1}/${total}] ${label}`); },
    });
    if (o.json) out(JSON.stringify(runJson(run), null, 2));
    else out(formatRun(run));
    for (const r of run.results) if (!r.verified) err(`stride-lens bench: ${r.suite} ${r.size} ${r.variant}: ${r.note ?? 'not verified'}`);
    if (run.cancelled) return 130;
    return run.results.every((r) => r.verified) ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}
