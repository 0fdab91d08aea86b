// Shared by the .npy tests: fixture loading, reading whole arrays, and NumPy's JSON encoding of values.
import { join } from 'node:path';
import { vi } from 'vitest';
import { runInspect } from '../../../src/cli/inspect';
import type { Dtype } from '../../../src/engine/dtype';
import type { Scalar } from '../../../src/engine/gather';
import { readPage, type NpyArray } from '../../../src/npy/npy';
import { GENERATED, loadFixture } from '../fixtures';

export const NPY_DIR = join(GENERATED, 'npy');

export interface ExpectedFile {
  file: string; version?: string; descr?: unknown; fortran_order?: boolean; shape?: number[];
  data_offset?: number; itemsize?: number; nbytes?: number; values?: unknown[]; numpy_error?: string; compressed?: boolean;
}
export interface Expected { files: ExpectedFile[]; npz: { file: string; members: ExpectedFile[] }[] }

/** The generated fixture table, or a clear failure telling how to make it. */
export function loadExpected(): Expected {
  return loadFixture<Expected>('npy_files.json');
}

/** Every value of an array in C order, read page by page (last two axes as rows × columns). */
export async function readAll(arr: NpyArray): Promise<Scalar[]> {
  const shape = arr.header.shape;
  const nd = shape.length;
  if (nd === 0) return page(arr, { rowAxis: null, colAxis: null, index: [], rowStart: 0, rowCount: 1, colStart: 0, colCount: 1 });
  if (nd === 1) return page(arr, { rowAxis: null, colAxis: 0, index: [0], rowStart: 0, rowCount: 1, colStart: 0, colCount: shape[0]! });
  const out: Scalar[] = [];
  const lead = shape.slice(0, nd - 2);
  const total = lead.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < total; flat++) {
    const idx: number[] = [];
    let rest = flat;
    for (let k = lead.length - 1; k >= 0; k--) { idx.unshift(rest % lead[k]!); rest = Math.floor(rest / lead[k]!); }
    const values = await page(arr, { rowAxis: nd - 2, colAxis: nd - 1, index: [...idx, 0, 0], rowStart: 0, rowCount: shape[nd - 2]!, colStart: 0, colCount: shape[nd - 1]! });
    for (const v of values) out.push(v);
  }
  return out;
}

async function page(arr: NpyArray, spec: Parameters<typeof readPage>[1]): Promise<Scalar[]> {
  const r = await readPage(arr, spec);
  if (!r.ok) throw new Error(r.error);
  return r.value.values;
}

function encFloat(x: number): number | string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return x;
}

/** A decoded value in the fixture's JSON encoding (see scripts/fixtures/npy_files.py). */
export function encode(d: Dtype, v: Scalar): unknown {
  if (d.fields) {
    const o = v as Record<string, Scalar>;
    return Object.fromEntries(d.fields.map((f) => [f.name, encode(f.dtype, o[f.name]!)]));
  }
  if (d.subarray) {
    const base = d.subarray.base;
    const rec = (x: Scalar, depth: number): unknown => (depth === 0 ? encode(base, x) : (x as Scalar[]).map((y) => rec(y, depth - 1)));
    return rec(v, d.subarray.shape.length);
  }
  switch (d.kind) {
    case 'f': return encFloat(v as number);
    case 'c': { const c = v as { re: number; im: number }; return [encFloat(c.re), encFloat(c.im)]; }
    case 'i': case 'u': case 'M': case 'm': return typeof v === 'bigint' ? v.toString() : v;
    case 'V': return (v as { hex: string }).hex;
    default: return v;
  }
}

/** Run `stride-lens inspect` in-process, capturing stdout and stderr. */
export async function inspectCaptured(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  try {
    return { code: await runInspect(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}
