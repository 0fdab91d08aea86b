/**
 * Which arrays are pictures: (H, W) greyscale, (H, W, 3|4) channels last, (3|4, H, W)
 * channels first, of uint8 (0–255), bool, or floats read as 0–1. Pure: plain data in and out.
 */
import type { Layout } from '../../../src/engine/layout';
import type { AxisChoice } from './slicing';

/** How an array is read as a picture: its height, width and channel axes. */
export interface ImageAxes {
  readonly h: number;
  readonly w: number;
  /** The channel axis, `null` for greyscale. */
  readonly c: number | null;
  readonly channels: 1 | 3 | 4;
  /** `channels last`, `channels first` or `greyscale`. */
  readonly label: string;
}

/** How the values of a dtype become 0–255, or `null` when they do not (ints but uint8, complex, text…). */
export function pixelScale(dtypeStr: string): 'byte' | 'unit' | 'bool' | null {
  const m = /^[<>|=]?([a-zA-Z])(\d+)$/.exec(dtypeStr);
  if (!m) return null;
  if (m[1] === 'u' && m[2] === '1') return 'byte';
  if (m[1] === 'b' && m[2] === '1') return 'bool';
  if (m[1] === 'f') return 'unit';
  return null;
}

/** The ways `shape` reads as a picture, the likeliest first; empty when it does not. */
export function imageReadings(shape: readonly number[], dtypeStr: string): ImageAxes[] {
  if (!pixelScale(dtypeStr)) return [];
  const ok = (n: number | undefined) => n !== undefined && n >= 2;
  const out: ImageAxes[] = [];
  if (shape.length === 2 && ok(shape[0]) && ok(shape[1])) out.push({ h: 0, w: 1, c: null, channels: 1, label: 'greyscale' });
  if (shape.length === 3) {
    const last = shape[2]!;
    const first = shape[0]!;
    if ((last === 3 || last === 4) && ok(shape[0]) && ok(shape[1])) out.push({ h: 0, w: 1, c: 2, channels: last, label: 'channels last' });
    if ((first === 3 || first === 4) && ok(shape[1]) && ok(shape[2])) out.push({ h: 1, w: 2, c: 0, channels: first, label: 'channels first' });
    if (last === 1 && ok(shape[0]) && ok(shape[1])) out.push({ h: 0, w: 1, c: 2, channels: 1, label: 'greyscale' });
  }
  return out;
}

/** Whether a picture is the first thing to show: colour images, and greyscale of bytes (floats default to the heatmap). */
export function pictureFirst(r: ImageAxes | undefined, dtypeStr: string): boolean {
  return !!r && (r.channels !== 1 || pixelScale(dtypeStr) === 'byte');
}

/** The grid's axes for a picture: its rows and columns, the channel held at 0. */
export function imageChoice(r: ImageAxes, nd: number): AxisChoice {
  return { rowAxis: r.h, colAxis: r.w, index: new Array<number>(nd).fill(0) };
}

/**
 * The sampled picture: one step for both axes (so the aspect ratio holds) such that the long
 * side is at most `maxSide`; one layout per channel (the channel axis held), each a 2-d view.
 */
export function imageSample(view: Layout, r: ImageAxes, maxSide: number): { step: number; rows: number; cols: number; channels: Layout[] } {
  const H = view.shape[r.h]!;
  const W = view.shape[r.w]!;
  const step = Math.max(1, Math.ceil(Math.max(H, W) / maxSide));
  const rows = Math.ceil(H / step);
  const cols = Math.ceil(W / step);
  const channels: Layout[] = [];
  for (let k = 0; k < (r.c === null ? 1 : r.channels); k++) {
    const offset = r.c === null ? view.offset : view.offset + k * view.strides[r.c]!;
    channels.push({ shape: [rows, cols], strides: [view.strides[r.h]! * step, view.strides[r.w]! * step], offset, itemsize: view.itemsize });
  }
  return { step, rows, cols, channels };
}

/** A value as a 0–255 intensity (floats clipped to 0–1, NaN black); `clipped` counts values outside the range. */
export function toByte(v: number | null, scale: 'byte' | 'unit' | 'bool', clipped: { n: number }): number {
  if (v === null || Number.isNaN(v)) return 0;
  if (scale === 'byte') return v;
  if (scale === 'bool') return v ? 255 : 0;
  if (v < 0 || v > 1) clipped.n++;
  return Math.round(Math.min(1, Math.max(0, v)) * 255);
}
