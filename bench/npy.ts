/**
 * Benchmark: the .npy reader against NumPy, in one run, on one file.
 *
 * Creates a large float32 .npy (default 32768×32768 = 4 GiB, sparse: only some rows are
 * written) in a temp directory, then measures
 *   1. open + read the first 100×100 block: `openNpy` + `readPage` vs
 *      `np.load(path, mmap_mode='r')[:100, :100].copy()` (target: ≤ 2× NumPy's time, and only a
 *      few MB read);
 *   2. full statistics (min, max, mean, std, NaN and inf counts) with `computeStats` vs NumPy
 *      single-threaded over the same memmap (target: ≥ 0.5× NumPy's throughput);
 * prints a table, writes bench/results/npy.json, and deletes the file.
 * Run: `npm run bench -- npy [--n 32768] [--reps 50] [--with-f64] [--keep]` (`--with-f64` also times
 * NumPy with float64 accumulators, which is slow).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileSource } from '../src/node/fileSource';
import { openNpy, readPage } from '../src/npy/npy';
import type { ByteSource } from '../src/npy/source';
import { computeStats } from '../src/npy/stats';

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

function python(...args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [join('scripts', 'python.mjs'), join('bench', 'npy_numpy.py'), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`NumPy side failed (${args[0]}): ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

function counting(src: ByteSource): { src: ByteSource; bytes: () => number; reads: () => number } {
  let bytes = 0;
  let reads = 0;
  return {
    src: {
      size: src.size,
      read: async (o, l) => { const b = await src.read(o, l); bytes += b.length; reads++; return b; },
      readRanges: async (rs) => { const bs = await src.readRanges!(rs); for (const b of bs) bytes += b.length; reads += rs.length; return bs; },
    },
    bytes: () => bytes,
    reads: () => reads,
  };
}

async function openAndPage(path: string): Promise<{ seconds: number; bytes: number; reads: number; checksum: number }> {
  const t0 = process.hrtime.bigint();
  const file = openFileSource(path);
  const c = counting(file);
  const arr = await openNpy(c.src, { name: path });
  if (!arr.ok) throw new Error(arr.error);
  const p = await readPage(arr.value, { rowAxis: 0, colAxis: 1, index: [0, 0], rowStart: 0, rowCount: 100, colStart: 0, colCount: 100 });
  file.close();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!p.ok) throw new Error(p.error);
  const checksum = p.value.values.reduce<number>((a, v) => a + (v as number), 0);
  return { seconds, bytes: c.bytes(), reads: c.reads(), checksum };
}

async function main(): Promise<void> {
  let n = arg('n', 32768);
  const reps = arg('reps', 50);
  const dir = mkdtempSync(join(tmpdir(), 'stride-lens-bench-'));
  const free = Number(statfsSync(dir).bavail) * Number(statfsSync(dir).bsize);
  const notes: string[] = [];
  const rows = Math.min(n, 1024);
  // The file is sparse; what is really written is `rows` rows plus a few blocks.
  const needed = (rows + 32) * n * 4 * 2;
  if (free < needed + 1e9) {
    n = 8192;
    notes.push(`only ${(free / 1e9).toFixed(1)} GB free in the temp directory: used an ${n}×${n} file instead of 32768×32768`);
  }
  const path = join(dir, `bench_${n}x${n}_f4.npy`);
  try {
    const created = python('create', path, String(n), String(rows));
    console.log(`created ${path}: ${(Number(created.apparent) / 2 ** 30).toFixed(2)} GiB apparent, ${(Number(created.allocated) / 2 ** 20).toFixed(0)} MiB allocated`);

    // 1. Open + first 100×100 block, in rounds alternating with NumPy so both see the same load.
    for (let k = 0; k < 60; k++) await openAndPage(path); // let the JIT optimise, as NumPy's C code already is
    const rounds = 5;
    const times: number[] = [];
    const npTimes: number[] = [];
    let last = await openAndPage(path);
    let npChecksum = 0;
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < Math.ceil(reps / rounds); k++) { last = await openAndPage(path); times.push(last.seconds); }
      const np = python('page', path, String(Math.ceil(reps / rounds)));
      npTimes.push(...(np.times_s as number[]));
      npChecksum = Number(np.checksum);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ours = median(times);
    const npMedian = median(npTimes);
    if (Math.abs(npChecksum - last.checksum) > 1e-3 * Math.max(1, Math.abs(last.checksum))) throw new Error(`page differs from NumPy's: checksum ${last.checksum} vs ${npChecksum}`);

    // 2. Full statistics: ours and NumPy's alternately, best of each.
    const withF64 = process.argv.includes('--with-f64');
    let best = Infinity;
    let npBest = Infinity;
    let npF64 = NaN;
    let stats: Awaited<ReturnType<typeof computeStats>> | undefined;
    let ref: Record<string, number> = {};
    for (let k = 0; k < 2; k++) {
      const file = openFileSource(path);
      const arr = await openNpy(file, { name: path });
      if (!arr.ok) throw new Error(arr.error);
      const t0 = process.hrtime.bigint();
      stats = await computeStats(arr.value);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
      file.close();
      const np = python('stats', path, '1', withF64 && k === 1 ? 'f64' : 'f32') as Record<string, { seconds: number; result: Record<string, number> }>;
      npBest = Math.min(npBest, np.float32_accumulators!.seconds);
      ref = np.float32_accumulators!.result;
      if (np.float64_accumulators) { npF64 = np.float64_accumulators.seconds; ref = np.float64_accumulators.result; }
    }
    if (!stats?.ok) throw new Error(stats?.ok === false ? stats.error : 'no stats');
    const nbytes = n * n * 4;
    const s = stats.value;
    // NumPy's float32 accumulators round the mean and std to about 1e-7; float64 ones agree to 1e-9.
    const tol = Number.isNaN(npF64) ? 1e-5 : 1e-9;
    const agree = s.min === ref.min && s.max === ref.max && Math.abs(s.mean! - ref.mean!) <= tol * Math.max(1, Math.abs(ref.mean!))
      && Math.abs(s.std! - ref.std!) <= tol * ref.std! && s.nanCount === ref.nan && s.posInfCount + s.negInfCount === ref.inf;
    if (!agree) throw new Error(`statistics differ from NumPy's: ${JSON.stringify({ ours: { ...s, min: String(s.min), max: String(s.max) }, numpy: ref })}`);

    const gbps = (sec: number): number => nbytes / sec / 1e9;
    const rowsOut = [
      { task: 'open + first 100×100 block', ours, numpy: npMedian, ratio: ours / npMedian, target: '≤ 2× NumPy time', pass: ours / npMedian <= 2 },
      { task: 'statistics over the file (NumPy: float32 accumulators)', ours: best, numpy: npBest, ratio: npBest / best, target: '≥ 0.5× NumPy throughput', pass: npBest / best >= 0.5 },
      ...(Number.isNaN(npF64) ? [] : [{ task: 'statistics over the file (NumPy: float64 accumulators)', ours: best, numpy: npF64, ratio: npF64 / best, target: '≥ 0.5× NumPy throughput', pass: npF64 / best >= 0.5 }]),
    ];
    console.log(`\n.npy reader vs NumPy ${String((spawnSync(process.execPath, [join('scripts', 'python.mjs'), '-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).stdout || '').trim())}, ${n}×${n} float32 (${(nbytes / 2 ** 30).toFixed(2)} GiB)`);
    console.log('| task | Stride Lens | NumPy | ratio | target |');
    console.log('|---|---|---|---|---|');
    const t = (x: number): string => (x < 0.01 ? `${(x * 1e6).toFixed(0)} µs` : `${x.toFixed(2)} s`);
    console.log(`| ${rowsOut[0]!.task} | ${t(ours)} (${last.reads} reads, ${(last.bytes / 1024).toFixed(1)} KiB) | ${t(npMedian)} | ${(ours / npMedian).toFixed(2)}× the time | ${rowsOut[0]!.target} ${rowsOut[0]!.pass ? '✓' : '✗'} |`);
    for (const r of rowsOut.slice(1)) {
      console.log(`| ${r.task} | ${t(r.ours)} (${gbps(r.ours).toFixed(2)} GB/s) | ${t(r.numpy)} (${gbps(r.numpy).toFixed(2)} GB/s) | ${r.ratio.toFixed(2)}× the throughput | ${r.target} ${r.pass ? '✓' : '✗'} |`);
    }
    for (const note of notes) console.log(`note: ${note}`);
    mkdirSync(join('bench', 'results'), { recursive: true });
    writeFileSync(join('bench', 'results', 'npy.json'), `${JSON.stringify({
      date: new Date().toISOString(), machine: { cpus: cpus().length, loadAverage1m: loadavg()[0], node: process.version },
      shape: [n, n], dtype: '<f4', fileBytes: nbytes, notes,
      page: { oursMedianSeconds: ours, numpyMedianSeconds: npMedian, timeRatio: ours / npMedian, bytesRead: last.bytes, reads: last.reads, samples: times.length, rounds },
      stats: {
        oursSeconds: best, oursGBps: gbps(best), numpyFloat32Seconds: npBest, throughputRatioVsFloat32: npBest / best,
        ...(Number.isNaN(npF64) ? {} : { numpyFloat64Seconds: npF64, throughputRatioVsFloat64: npF64 / best }),
        result: { ...s, min: Number(s.min), max: Number(s.max) },
      },
      pass: rowsOut.every((r) => r.pass),
    }, null, 2)}\n`);
    console.log('\nwrote bench/results/npy.json');
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
