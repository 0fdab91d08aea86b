// The viewer's NumPy ground truth (scripts/fixtures/viewer.py).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const VIEWER_DIR = join('test', 'fixtures', 'generated', 'viewer');

export interface ViewerTruth {
  scalars: { dtype: string | unknown[][]; hex: string; text: string }[];
  slices: { file: string; expr: string; shape: number[]; strides: number[]; offset: number; values: string[][] }[];
  npz: { file: string; members: string[]; ints: { shape: number[]; values: string[][] } };
  /** Doubles and NumPy's float16 of each (uint16 bits). */
  halves: { x: number[]; bits: number[] };
}

/** The generated table, or a clear failure telling how to make it. */
export function loadViewerTruth(): ViewerTruth {
  const file = join('test', 'fixtures', 'generated', 'viewer.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run fixtures`);
  return JSON.parse(readFileSync(file, 'utf8')) as ViewerTruth;
}

/** Bytes of a generated file. */
export function fixtureBytes(dir: string, name: string): Uint8Array {
  const file = join(dir, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run fixtures`);
  return new Uint8Array(readFileSync(file));
}
