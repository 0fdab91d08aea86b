/**
 * Engine benchmark: the stride engine against NumPy answering the same questions from Python.
 *
 * Per call: extent + bounds + C/F flags of a view, its self-overlap, and shares_memory of two
 * (overlap verdicts timed against NumPy's verdicts; the witness-building variants alongside)
 * views on one buffer — for the seed's views (conv2d im2col, max-pool, transpose) and for
 * seeded random 4–8-d views. NumPy runs in the same run (bench/engine_numpy.py, timeit, one
 * process); the answers are compared first, then rounds of timings alternate between the two
 * sides and each keeps its best. Results: bench/results/engine.json.
 * Usage: node bench/run.mjs engine [--random 200] [--seed 7] [--rounds 5]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bounds, cStrides, extent, isCContiguous, isFContiguous, type Layout } from '../src/engine/layout';
import { internalOverlap, internalOverlapVerdict, sharesMemory, sharesMemoryVerdict, type MaxWork } from '../src/engine/overlap';
import { poolingView, transposeView, windowView } from '../src/engine/views';
import { startPython } from './pythonServer';

const NBYTES = 1 << 22;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

// xorshift32: reproducible random views.
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

function randomView(rand: () => number): Layout {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  for (;;) {
    const itemsize = [1, 2, 4, 8][int(0, 3)]!;
    const nd = int(4, 8);
    const shape = Array.from({ length: nd }, () => int(1, 12));
    const strides = shape.map(() => (rand() < 0.1 ? 0 : itemsize * int(-300, 300)));
    const low = shape.reduce((s, n, k) => s + Math.min(0, (n - 1) * strides[k]!), 0);
    const high = shape.reduce((s, n, k) => s + Math.max(0, (n - 1) * strides[k]!), 0) + itemsize;
    if (high - low >= NBYTES) continue;
    return { shape, strides, offset: -low + int(0, Math.min(4096, NBYTES - (high - low))), itemsize };
  }
}

interface Group {
  name: string;
  views: Layout[];
  pairs: [number, number][];
  maxWork: MaxWork;
}

function groups(nRandom: number, seed: number): Group[] {
  const image: Layout = { shape: [28, 28], strides: cStrides([28, 28], 4), offset: 0, itemsize: 4 };
  const fmap: Layout = { shape: [32, 26, 26], strides: cStrides([32, 26, 26], 4), offset: 0, itemsize: 4 };
  const conv = unwrap(windowView(image, { kernel: [3, 3] }));
  const pool = unwrap(poolingView(fmap, [2, 2]));
  const t = unwrap(transposeView(image));
  const rand = rng(seed);
  const random = Array.from({ length: nRandom }, () => randomView(rand));
  const pairs: [number, number][] = Array.from({ length: nRandom / 2 }, (_, i) => [2 * i, 2 * i + 1]);
  return [
    { name: 'seed: conv2d im2col (26,26,3,3) of 28×28 f4', views: [conv, image], pairs: [[0, 1]], maxWork: 'exact' },
    { name: 'seed: max-pool (32,13,13,2,2) of 32×26×26 f4', views: [pool, fmap], pairs: [[0, 1]], maxWork: 'exact' },
    { name: 'seed: transpose (28,28) f4', views: [t, image], pairs: [[0, 1]], maxWork: 'exact' },
    { name: `random 4–8-d views (${nRandom}), exact`, views: random, pairs, maxWork: 'exact' },
    { name: `random 4–8-d views (${nRandom}), max_work=50`, views: random, pairs, maxWork: 50 },
  ];
}

// Seconds per call of `fn` over `calls` items: best of 2 runs of ≥ 0.2 s, like the NumPy
// side's timeit (autorange, then the best of 2 repeats).
function perCall(fn: () => void, calls: number): number {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (dt >= 0.2) break;
    n *= dt < 0.02 ? 10 : 2;
  }
  let best = Infinity;
  for (let r = 0; r < 2; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best / n / calls;
}

let sink = 0;

interface Times { layout: number; self: number; selfWitness: number; shares: number; sharesWitness: number }

// Our side of one round: seconds per call of each operation of one group.
function ourTimes(g: Group): Times {
  const nb = BigInt(NBYTES);
  const layout = perCall(() => {
    for (const v of g.views) {
      const e = extent(v);
      const b = bounds(v, nb);
      sink += Number(e.high - e.low) + (b.inBounds ? 1 : 0) + (isCContiguous(v) ? 1 : 0) + (isFContiguous(v) ? 1 : 0);
    }
  }, g.views.length);
  // NumPy answers a verdict, so the verdict functions are timed against it; the variants
  // that also build the witness (what the layout report uses) are timed alongside.
  const self = perCall(() => {
    for (const v of g.views) sink += unwrap(internalOverlapVerdict(v, g.maxWork)) === true ? 1 : 0;
  }, g.views.length);
  const selfWitness = perCall(() => {
    for (const v of g.views) sink += unwrap(internalOverlap(v, g.maxWork)).verdict === true ? 1 : 0;
  }, g.views.length);
  const shares = perCall(() => {
    for (const [i, j] of g.pairs) sink += unwrap(sharesMemoryVerdict(g.views[i]!, g.views[j]!, g.maxWork)) === true ? 1 : 0;
  }, g.pairs.length);
  const sharesWitness = perCall(() => {
    for (const [i, j] of g.pairs) sink += unwrap(sharesMemory(g.views[i]!, g.views[j]!, g.maxWork)).verdict === true ? 1 : 0;
  }, g.pairs.length);
  return { layout, self, selfWitness, shares, sharesWitness };
}

type NumPyTimes = Pick<Times, 'layout' | 'self' | 'shares'>;

function best<T extends object>(rounds: readonly T[]): T {
  const out = { ...rounds[0]! } as Record<string, number>;
  for (const r of rounds) for (const [k, v] of Object.entries(r) as [string, number][]) out[k] = Math.min(out[k]!, v);
  return out as T;
}

async function main(): Promise<void> {
  const all = groups(arg('--random', 200), arg('--seed', 7));
  const rounds = arg('--rounds', 5);
  const dir = mkdtempSync(join(tmpdir(), 'stride-lens-bench-engine-'));
  const input = join(dir, 'groups.json');
  writeFileSync(input, JSON.stringify({ nbytes: NBYTES, groups: all }));
  const py = startPython([join('bench', 'engine_numpy.py'), input]);
  if (!py) { process.exitCode = 1; return; }
  try {
    const np = JSON.parse(await py.hello) as {
      numpy: string;
      groups: { answers: { extent: [number, number] | null; c: boolean; f: boolean; self: boolean | string }[]; sharesAnswers: (boolean | string)[] }[];
    };
    // Same answers first.
    for (const [gi, g] of all.entries()) {
      const ref = np.groups[gi]!;
      g.views.forEach((v, i) => {
        const a = ref.answers[i]!;
        const e = extent(v);
        const mine = { extent: e.low === e.high ? null : [Number(e.low), Number(e.high)], c: isCContiguous(v), f: isFContiguous(v), self: unwrap(internalOverlapVerdict(v, g.maxWork)) };
        if (JSON.stringify(mine) !== JSON.stringify(a)) throw new Error(`${g.name} view ${i}: ours ${JSON.stringify(mine)} NumPy ${JSON.stringify(a)}`);
        if (unwrap(internalOverlap(v, g.maxWork)).verdict !== a.self) throw new Error(`${g.name} view ${i}: internalOverlap disagrees with its verdict`);
      });
      g.pairs.forEach(([i, j], k) => {
        const mine = unwrap(sharesMemoryVerdict(g.views[i]!, g.views[j]!, g.maxWork));
        if (unwrap(sharesMemory(g.views[i]!, g.views[j]!, g.maxWork)).verdict !== mine) throw new Error(`${g.name} pair ${k}: sharesMemory disagrees with its verdict`);
        if (mine !== ref.sharesAnswers[k]) throw new Error(`${g.name} pair ${k}: ours ${String(mine)} NumPy ${String(ref.sharesAnswers[k])}`);
      });
    }
    // Rounds interleave the two sides; each side keeps its best time per operation.
    const numpyRounds: NumPyTimes[][] = [];
    const ourRounds: Times[][] = [];
    for (let r = 0; r < rounds; r++) {
      numpyRounds.push(JSON.parse(await py.request('time')) as NumPyTimes[]);
      ourRounds.push(all.map(ourTimes));
    }
    const rows: { group: string; op: string; numpyNs: number; oursNs: number; speedup: number; withWitnessNs?: number }[] = [];
    for (const [gi, g] of all.entries()) {
      const ref = best(numpyRounds.map((t) => t[gi]!));
      const ours = best(ourRounds.map((t) => t[gi]!));
      rows.push({ group: g.name, op: 'extent + bounds + C/F flags', numpyNs: ref.layout * 1e9, oursNs: ours.layout * 1e9, speedup: ref.layout / ours.layout });
      rows.push({ group: g.name, op: 'self-overlap', numpyNs: ref.self * 1e9, oursNs: ours.self * 1e9, speedup: ref.self / ours.self, withWitnessNs: ours.selfWitness * 1e9 });
      rows.push({ group: g.name, op: 'shares_memory', numpyNs: ref.shares * 1e9, oursNs: ours.shares * 1e9, speedup: ref.shares / ours.shares, withWitnessNs: ours.sharesWitness * 1e9 });
    }
    console.log(`\nStride engine vs NumPy ${np.numpy} (Python-level calls, timeit), node ${process.version}; same answers checked first; best of ${rounds} interleaved rounds\n`);
    const w = Math.max(...rows.map((r) => r.group.length));
    console.log(`${'views'.padEnd(w)}  ${'operation'.padEnd(28)} ${'NumPy ns/call'.padStart(14)} ${'ours ns/call'.padStart(13)} ${'speed-up'.padStart(9)} ${'ours + witness'.padStart(15)}`);
    for (const r of rows) {
      const withWitness = r.withWitnessNs === undefined ? '' : r.withWitnessNs.toFixed(0).padStart(15);
      console.log(`${r.group.padEnd(w)}  ${r.op.padEnd(28)} ${r.numpyNs.toFixed(0).padStart(14)} ${r.oursNs.toFixed(0).padStart(13)} ${(r.speedup.toFixed(1) + '×').padStart(9)} ${withWitness}`);
    }
    mkdirSync(join('bench', 'results'), { recursive: true });
    writeFileSync(join('bench', 'results', 'engine.json'), `${JSON.stringify({ numpy: np.numpy, node: process.version, rounds, rows }, null, 2)}\n`);
    if (sink === 0.5) console.log(''); // keep the measured work observable
  } finally {
    py.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
