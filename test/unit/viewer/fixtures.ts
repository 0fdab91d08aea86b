// The viewer's NumPy ground truth (scripts/fixtures/viewer.py).
import { GENERATED, loadFixture } from '../fixtures';
import { join } from 'node:path';

export const VIEWER_DIR = join(GENERATED, 'viewer');

export interface ViewerTruth {
  scalars: { dtype: string | unknown[][]; hex: string; text: string }[];
  slices: { file: string; expr: string; shape: number[]; strides: number[]; offset: number; values: string[][] }[];
  npz: { file: string; members: string[]; ints: { shape: number[]; values: string[][] } };
  /** Doubles and NumPy's float16 of each (uint16 bits). */
  halves: { x: number[]; bits: number[] };
}

/** The generated table, or a clear failure telling how to make it. */
export function loadViewerTruth(): ViewerTruth {
  return loadFixture<ViewerTruth>('viewer.json');
}
