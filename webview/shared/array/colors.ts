/**
 * Colour mapping of the heat colouring and the heatmap: a ramp of theme colours (read from
 * CSS variables by the caller), and distinct colours for NaN, +inf and −inf. Pure.
 */
import type { NpyCellValue } from '../../../src/protocol';

export type Rgb = readonly [number, number, number];

/** The colours of a map: the ramp from low to high, and the special values. */
export interface ColorMap {
  readonly stops: readonly Rgb[];
  readonly nan: Rgb;
  readonly posInf: Rgb;
  readonly negInf: Rgb;
}

/** Parse a CSS colour as computed styles give it (`#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`); `null` otherwise. */
export function parseColor(text: string): Rgb | null {
  const s = text.trim().toLowerCase();
  let m = /^#([0-9a-f]{3,4})$/.exec(s);
  if (m) {
    const h = m[1]!;
    return [parseInt(h[0]! + h[0]!, 16), parseInt(h[1]! + h[1]!, 16), parseInt(h[2]! + h[2]!, 16)];
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s);
  if (m) {
    const h = m[1]!;
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])].map((x) => Math.max(0, Math.min(255, Math.round(x)))) as unknown as Rgb;
  return null;
}

/** The ramp colour at `t` in [0, 1] (clamped), linear between equally spaced stops. */
export function rampColor(stops: readonly Rgb[], t: number): Rgb {
  if (stops.length === 0) return [128, 128, 128];
  if (stops.length === 1 || !(t > 0)) return stops[0]!;
  if (t >= 1) return stops[stops.length - 1]!;
  const x = t * (stops.length - 1);
  const k = Math.floor(x);
  const f = x - k;
  const a = stops[k]!;
  const b = stops[k + 1]!;
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** The colour of a cell value over the range [lo, hi]; special values get their own; `null` for no number. */
export function colorOf(v: NpyCellValue, lo: number, hi: number, map: ColorMap): Rgb | null {
  if (v === null) return null;
  if (v === 'nan') return map.nan;
  if (v === 'inf') return map.posInf;
  if (v === '-inf') return map.negInf;
  const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  return rampColor(map.stops, t);
}

/** The smallest and largest finite values, or `null` when there is none. */
export function finiteRange(values: Iterable<NpyCellValue>): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, hi } : null;
}

/** Relative luminance (sRGB, WCAG) of a colour, 0 black … 1 white. */
export function luminance(c: Rgb): number {
  const lin = (x: number) => {
    const s = x / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/** Black or white text, whichever reads better on `bg`. */
export function textOn(bg: Rgb): Rgb {
  return luminance(bg) > 0.4 ? [0, 0, 0] : [255, 255, 255];
}

/** `rgb(r, g, b)` for a style. */
export function cssRgb(c: Rgb): string {
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
