/**
 * Suite sizes as text (`28x28x1/32`, `4096x4096`, …) and the parameters they stand for.
 * The seed's sizes are the defaults; `large` is the second size each suite names.
 */
import type { SuiteName } from './types';

export interface Conv2dParams { readonly h: number; readonly w: number; readonly c: number; readonly kh: number; readonly kw: number; readonly f: number }
export interface MaxpoolParams { readonly c: number; readonly h: number; readonly w: number; readonly k: number; readonly stride: number }
export interface TransposeParams { readonly rows: number; readonly cols: number }
export interface WindowParams { readonly n: number; readonly w: number }

export type SuiteParams =
  | { readonly suite: 'conv2d'; readonly size: string; readonly p: Conv2dParams }
  | { readonly suite: 'maxpool'; readonly size: string; readonly p: MaxpoolParams }
  | { readonly suite: 'transpose'; readonly size: string; readonly p: TransposeParams }
  | { readonly suite: 'window'; readonly size: string; readonly p: WindowParams };

/** The size forms each suite reads, for help text and errors. */
export const SIZE_FORMS: Record<SuiteName, { form: string; seed: string; large: string; small: string }> = {
  conv2d: { form: 'HxW[xC][/F] (3x3 kernel; C=1, F=32 by default)', seed: '28x28x1/32', large: '224x224x3/64', small: '28x28x1/32' },
  maxpool: { form: 'CxHxW (2x2 windows, stride 2; H and W even)', seed: '32x26x26', large: '64x112x112', small: '32x26x26' },
  transpose: { form: 'RxC (float32)', seed: '4096x4096', large: '8192x8192', small: '512x512' },
  window: { form: 'N/W (signal length / window)', seed: '1048576/64', large: '16777216/256', small: '65536/16' },
};

/** Largest input we allocate, in float32 elements (1 GiB). */
const MAX_ELEMENTS = 2 ** 28;

function ints(text: string, sep: RegExp): number[] | null {
  const parts = text.split(sep);
  if (parts.some((p) => !/^\d{1,9}$/.test(p))) return null;
  return parts.map(Number);
}

/** Parses a suite's size text (`seed`, `large` and `small` name the presets). */
export function parseSize(suite: SuiteName, text: string): SuiteParams | { error: string } {
  const forms = SIZE_FORMS[suite];
  const t = text.trim().toLowerCase();
  const preset = t === '' || t === 'seed' ? forms.seed : t === 'large' ? forms.large : t === 'small' ? forms.small : t;
  const bad = { error: `${suite} size '${text}' is not ${forms.form}, e.g. ${forms.seed}` };
  const tooBig = (n: number) => ({ error: `${suite} size '${text}' needs ${n} elements; at most ${MAX_ELEMENTS} (1 GiB of float32) are allowed` });
  switch (suite) {
    case 'conv2d': {
      const [dims, fText] = preset.split('/');
      const d = dims === undefined ? null : ints(dims, /x/);
      const f = fText === undefined ? 32 : Number(fText);
      if (!d || (d.length !== 2 && d.length !== 3) || !Number.isInteger(f) || !/^\d+$/.test(fText ?? '32')) return bad;
      const [h, w, c = 1] = d as [number, number, number?];
      if (h < 3 || w < 3 || c < 1 || f < 1) return { error: `${suite} size '${text}': H and W must be at least 3 (the kernel), C and F at least 1` };
      const out = (h - 2) * (w - 2) * f;
      if (h * w * c > MAX_ELEMENTS || out > MAX_ELEMENTS || (h - 2) * (w - 2) * 9 * c > MAX_ELEMENTS) return tooBig(Math.max(h * w * c, out, (h - 2) * (w - 2) * 9 * c));
      return { suite, size: `${h}x${w}x${c}/${f}`, p: { h, w, c, kh: 3, kw: 3, f } };
    }
    case 'maxpool': {
      const d = ints(preset, /x/);
      if (!d || d.length !== 3) return bad;
      const [c, h, w] = d as [number, number, number];
      if (c < 1 || h < 2 || w < 2 || h % 2 || w % 2) return { error: `${suite} size '${text}': H and W must be even and at least 2, C at least 1` };
      if (c * h * w > MAX_ELEMENTS) return tooBig(c * h * w);
      return { suite, size: `${c}x${h}x${w}`, p: { c, h, w, k: 2, stride: 2 } };
    }
    case 'transpose': {
      const d = ints(preset, /x/);
      if (!d || d.length !== 2) return bad;
      const [rows, cols] = d as [number, number];
      if (rows < 1 || cols < 1) return { error: `${suite} size '${text}': both sides must be at least 1` };
      if (rows * cols > MAX_ELEMENTS) return tooBig(rows * cols);
      return { suite, size: `${rows}x${cols}`, p: { rows, cols } };
    }
    case 'window': {
      const d = ints(preset, /\//);
      if (!d || d.length !== 2) return bad;
      const [n, w] = d as [number, number];
      if (w < 1 || n < w) return { error: `${suite} size '${text}': the window must be at least 1 and at most the signal's length` };
      if (n > MAX_ELEMENTS) return tooBig(n);
      return { suite, size: `${n}/${w}`, p: { n, w } };
    }
  }
}
