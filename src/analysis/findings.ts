/**
 * From what the interpreter learned about a stride call to what the user sees: the resolved
 * view, bounds and overlap (through the engine), the lens text, the hover explanation per
 * dimension, diagnostics with stable codes, and quick fixes as plain text edits.
 */
import { groupDigits } from '../engine/format';
import { bounds, extent, extentOfBigints, layoutError, type Layout } from '../engine/layout';
import { internalOverlapVerdict } from '../engine/overlap';
import { jsonInteger } from '../engine/report';
import { CODES, type Code, type Severity, type SeverityOverrides } from './codes';
import type { ArgItem, CallFacts, Span, StridesOmitted } from './calls';
import {
  constBig, constOf, lin, linAdd, linAtoms, linEqual, linFloorDiv, linLowerBound, linMul, linScale, linSub, linText, linVar, type Assumed, type Lin,
} from './linear';
import type { ArrayFact, Val } from './values';
import { isCContiguousFact } from './arrays';

/** A replacement of `span` (offsets in the call's unit) by `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes: readonly Fix[];
}

/** One row of the hover table: a dimension of the view in numbers and in words. */
export interface DimExplanation {
  readonly dim: number;
  /** Size as text (a number, or a Python expression when symbolic). */
  readonly size: string;
  /** Stride in the library's unit (bytes for NumPy, elements for PyTorch), as text. */
  readonly stride: string;
  /** Stride in elements, as text, or `null` when not a whole number of elements. */
  readonly strideElements: string | null;
  /** What one step means in the source: `next patch row = one row of image = 112 B`. */
  readonly meaning: string;
  /** The whole row as one line: `dim 0: next patch row = one row of image = 112 B`. */
  readonly text: string;
}

export interface CallFinding {
  readonly fn: CallFacts['fn'];
  /** The function the view was resolved through, at its call site (`CallFacts.via`), or null. */
  readonly via: string | null;
  readonly unit: number;
  readonly span: Span;
  /** Spans that show the hover: the callee and the shape/strides arguments. */
  readonly hoverSpans: readonly Span[];
  readonly units: 'bytes' | 'elements';
  /** Source array name as written, or null. */
  readonly source: string | null;
  /** Resolved view as numbers (strides/offset in `units`), when everything is known. */
  readonly shape: readonly number[] | null;
  readonly strides: readonly number[] | null;
  readonly offset: number | null;
  readonly itemsize: number | null;
  /** The source's dtype as NumPy names it (`float32`), or null when unknown. */
  readonly dtype: string | null;
  /** Symbolic shape/strides as Python expressions when not all numbers. */
  readonly shapeText: readonly string[] | null;
  readonly stridesText: readonly string[] | null;
  /** The buffer read: its name and size in `units`. */
  readonly buffer: { readonly label: string; readonly size: number | string } | null;
  /** The source array as numbers (strides and offset in `units`, offset from the buffer's start), when all are known. */
  readonly sourceLayout: { readonly shape: readonly number[]; readonly strides: readonly number[]; readonly offset: number } | null;
  /** First and last unit read, `[low, high)`, as JSON integers. */
  readonly reach: { readonly low: number | string; readonly high: number | string } | null;
  readonly inBounds: boolean | null;
  readonly overlap: boolean | null;
  /** What an unknown source must satisfy: `image.shape ≥ (28, 28)`. */
  readonly requires: readonly string[];
  readonly lens: string;
  readonly hover: { readonly title: string; readonly dims: readonly DimExplanation[]; readonly notes: readonly string[] };
  readonly diagnostics: readonly Diagnostic[];
  /** Rewrites offered without a diagnostic: the equivalent `sliding_window_view`. */
  readonly refactorings: readonly Fix[];
}

export interface FindingOptions {
  /** Severity per code, or `off`. */
  readonly severities?: SeverityOverrides;
  /** NumPy version in use (`"2.5.0"`): `check_bounds=True` is offered from 2.5 on. */
  readonly numpyVersion?: string;
  /** No hover rows (the CLI shows none): `hover.dims` stays empty, which saves a sixth of a large file's memory. */
  readonly noHover?: boolean;
}

function tupleText(xs: readonly (string | number | bigint)[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`;
}

/**
 * How view dimension `d` moves through the source: `coef` steps along source axis `axis`, or
 * `coef · factor` steps when the code multiplies the stride by a symbolic value
 * (`hop_length * x.strides[0]`): the bounds then take `factor ≥ 0` and say so (`assumptions`).
 */
interface Step {
  readonly axis: number;
  readonly coef: number;
  readonly factor?: Lin;
  /** Further axes moved by the same step (a diagonal moves a row and a column). */
  readonly extra?: readonly { readonly axis: number; readonly coef: number }[];
}

function stepParts(st: Step): { axis: number; coef: number }[] {
  return [{ axis: st.axis, coef: st.coef }, ...(st.extra ?? [])];
}

/**
 * Each view dimension as integer steps along the source's axes. Symbolic strides say it
 * themselves (`image.strides[0] + image.strides[1]`); for numbers, the decomposition that
 * keeps the walk inside the source's index range wins (one axis before two, small steps
 * first), and when none does, the smallest single-axis multiple (a wrapping window).
 */
function decompose(strides: readonly Lin[], source: ArrayFact, shape: readonly Lin[] | undefined): (Step | null)[] | undefined {
  if (!source.strides || source.symbolic) {
    if (!source.symbolic) return undefined;
    const out: (Step | null)[] = [];
    // `a.strides[-1]` names an axis from the end: only a source of the last axes (a view with
    // an unknown prefix, `CallFacts.prefix`) knows which.
    const re = new RegExp(`^${escapeRe(source.symbolic)}\\.strides\\[(-?\\d+)\\]$`);
    const nd = source.shape?.length;
    for (const s of strides) {
      if (constOf(s) === 0) { out.push(null); continue; }
      if (s.c !== 0n) return undefined;
      const parts: { axis: number; coef: number; factor?: Lin }[] = [];
      for (const [key, t] of Object.entries(s.terms)) {
        // `hop * x.strides[0]`: the stride times a symbolic factor.
        const factors = t.atom.kind === 'mul' && t.atom.factors.length === 2 ? t.atom.factors : undefined;
        const names = factors?.map(soleName);
        const at = names?.findIndex((nm) => nm !== undefined && re.test(nm));
        const m = re.exec(names && at !== undefined && at >= 0 ? names[at]! : key);
        if (!m) return undefined;
        const k = Number(m[1]);
        if (k < 0 && nd !== undefined && k + nd < 0) return undefined;
        // Of a source whose dimension count is unknown, `x.strides[-1]` stays axis -1.
        parts.push({ axis: k < 0 && nd !== undefined ? k + nd : k, coef: t.coef, ...(factors ? { factor: factors[1 - at!]! } : {}) });
      }
      if (parts.length === 0 || (parts.length > 1 && parts.some((p) => p.factor))) return undefined;
      out.push({ ...parts[0]!, extra: parts.length > 1 ? parts.slice(1) : undefined });
    }
    // Axes counted from the end and from the start may be the same axis: no decomposition.
    const axes = out.flatMap((st) => (st ? stepParts(st).map((p) => p.axis) : []));
    if (axes.some((k) => k < 0) && axes.some((k) => k >= 0)) return undefined;
    return out;
  }
  const ss = concrete(source.strides);
  const sh = source.shape ? concrete(source.shape) : undefined;
  if (!ss) return undefined;
  const out: (Step | null)[] = [];
  for (let d = 0; d < strides.length; d++) {
    const s = constOf(strides[d]!);
    if (s === undefined) {
      // `hop * 4` of a source with strides (4,): hop steps along that axis (the one with the
      // largest stride that divides the coefficient: rows before columns).
      const [t, more] = Object.values(strides[d]!.terms);
      if (strides[d]!.c !== 0n || !t || more) return undefined;
      const k = ss.reduce((best, x, i) => (x !== 0 && sh?.[i] !== 1 && t.coef % x === 0 && (best < 0 || Math.abs(x) > Math.abs(ss[best]!)) ? i : best), -1);
      if (k < 0) return undefined;
      out.push({ axis: k, coef: t.coef / ss[k]!, factor: { c: 0n, terms: { [Object.keys(strides[d]!.terms)[0]!]: { coef: 1, atom: t.atom } } } });
      continue;
    }
    if (s === 0) { out.push(null); continue; }
    const nd = shape?.[d];
    const n = nd ? constOf(nd) : undefined;
    const fits = (k: number, c: number) => sh === undefined || n === undefined || (n - 1) * Math.abs(c) <= sh[k]! - 1;
    let single: Step | undefined;
    let singleFit: Step | undefined;
    ss.forEach((t, k) => {
      if (t === 0 || sh?.[k] === 1 || s % t !== 0) return;
      const c = s / t;
      if (!single || Math.abs(c) < Math.abs(single.coef)) single = { axis: k, coef: c };
      if (fits(k, c) && (!singleFit || Math.abs(c) < Math.abs(singleFit.coef))) singleFit = { axis: k, coef: c };
    });
    if (singleFit) { out.push(singleFit); continue; }
    let pair: Step | undefined;
    if (sh && n !== undefined && ss.length <= 6) { // pairs of axes (diagonals); bounded work
      for (let k1 = 0; k1 < ss.length && !pair; k1++) {
        for (let k2 = k1 + 1; k2 < ss.length && !pair; k2++) {
          const t1 = ss[k1]!; const t2 = ss[k2]!;
          if (t1 === 0 || t2 === 0) continue;
          const lim = Math.min(sh[k1]! - 1, 1024);
          for (let c1 = -lim; c1 <= lim; c1++) {
            if (c1 === 0) continue;
            const rest = s - c1 * t1;
            if (rest === 0 || rest % t2 !== 0) continue;
            const c2 = rest / t2;
            if (fits(k1, c1) && fits(k2, c2) && (!pair || Math.abs(c1) + Math.abs(c2) < Math.abs(pair.coef) + Math.abs(pair.extra![0]!.coef))) {
              pair = { axis: k1, coef: c1, extra: [{ axis: k2, coef: c2 }] };
            }
          }
        }
      }
    }
    const pick = pair ?? single;
    if (!pick) return undefined;
    out.push(pick);
  }
  return out;
}

/** The name of the one atom `e` is (coefficient 1, no constant), else `undefined`. */
function soleName(e: Lin): string | undefined {
  if (e.c !== 0n) return undefined;
  const keys = Object.keys(e.terms);
  return keys.length === 1 && e.terms[keys[0]!]!.coef === 1 ? keys[0] : undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Size of source axis `k` as a Lin (an atom for unknown sources). */
function axisLen(source: ArrayFact, k: number): Lin | undefined {
  if (source.shape) return source.shape[k];
  return source.symbolic ? linVar(`${source.symbolic}.shape[${k}]`) : undefined;
}

interface AxisReach {
  readonly axis: number;
  /** Largest and smallest source index reached along the axis. */
  readonly hi: Lin;
  readonly lo: Lin;
}

/** Source index range each axis reaches, starting from source index 0 (offset unchanged). */
function axisReach(shape: readonly Lin[], steps: readonly (Step | null)[]): AxisReach[] | undefined {
  const byAxis = new Map<number, { hi: Lin; lo: Lin }>();
  for (let d = 0; d < shape.length; d++) {
    const step = steps[d];
    if (!step) continue;
    for (const st of stepParts(step)) {
      const span = linSub(shape[d]!, lin(1));
      const scaled = span && linScale(span, st.coef);
      const r = scaled && (step.factor ? linMul(scaled, step.factor) : scaled);
      if (!r) return undefined;
      const cur = byAxis.get(st.axis) ?? { hi: lin(0), lo: lin(0) };
      const hi = st.coef > 0 ? linAdd(cur.hi, r) : cur.hi;
      const lo = st.coef < 0 ? linAdd(cur.lo, r) : cur.lo;
      if (!hi || !lo) return undefined;
      byAxis.set(st.axis, { hi, lo });
    }
  }
  return [...byAxis.entries()].sort((a, b) => a[0] - b[0]).map(([axis, r]) => ({ axis, ...r }));
}

/** The window structure of a view: grid dims first (one per source axis), then window dims. */
interface WindowPattern {
  /** Per source axis: the window size (undefined when not windowed) and the step. */
  readonly axes: readonly { readonly window: Lin | undefined; readonly step: number; readonly gridDim: number; readonly windowDim: number | undefined }[];
}

function windowPattern(shape: readonly Lin[], steps: readonly (Step | null)[], ndSource: number): WindowPattern | undefined {
  if (shape.length < ndSource || steps.length !== shape.length || steps.some((st) => st && st.axis < 0)) return undefined;
  const axes: { window: Lin | undefined; step: number; gridDim: number; windowDim: number | undefined }[] = [];
  for (let k = 0; k < ndSource; k++) {
    const st = steps[k];
    if (!st || st.extra || st.factor || st.axis !== k || st.coef < 1) return undefined;
    axes.push({ window: undefined, step: st.coef, gridDim: k, windowDim: undefined });
  }
  let last = -1;
  for (let d = ndSource; d < shape.length; d++) {
    const st = steps[d];
    if (!st || st.extra || st.factor || st.coef !== 1 || st.axis <= last) return undefined;
    last = st.axis;
    axes[st.axis]!.window = shape[d]!;
    axes[st.axis]!.windowDim = d;
  }
  if (shape.length === ndSource) return undefined;
  for (const a of axes) if (a.window === undefined && a.step !== 1) return undefined;
  return { axes };
}

/** The window count NumPy's `sliding_window_view(...)[::step]` gives along an axis of length n. */
function correctCount(n: Lin, window: Lin, step: number): Lin | undefined {
  const span = linSub(n, window);
  const q = span && linFloorDiv(span, lin(step));
  return q && linAdd(q, lin(1));
}

/** A trailing integer term: `… + 2`, `… - 1`. */
const TRAILING_CONST = /^(.*?)\s*([+-])\s*(\d+)\s*$/s;

/** `text` with its value changed by `delta`, through its trailing constant; undefined if it has none. */
function shiftedText(text: string, delta: bigint): string | undefined {
  const m = TRAILING_CONST.exec(text);
  if (!m || /\b(if|lambda|and|or|not)\b|[<>=!]=?|,/.test(m[1]!)) return undefined;
  const k = (m[2] === '+' ? 1n : -1n) * BigInt(m[3]!) + delta;
  return k === 0n ? m[1]! : `${m[1]!} ${k < 0n ? '-' : '+'} ${k < 0n ? -k : k}`;
}

/** The window-count fix that keeps the user's names (see windowFixes), when each wrong count is off by a constant. */
function ownNameFix(shape: readonly Lin[], items: readonly ArgItem[], wrong: readonly { d: number; want: Lin }[]): Fix | undefined {
  const edits: TextEdit[] = [];
  const shown: string[] = [];
  for (const { d, want } of wrong) {
    const off = linSub(want, shape[d]!);
    const delta = off && constBig(off);
    if (delta === undefined) return undefined;
    const it = items[d]!;
    const target = it.bound ?? { span: it.span, text: it.text };
    const text = shiftedText(target.text, delta);
    if (text === undefined) return undefined;
    edits.push({ span: target.span, newText: text });
    shown.push(it.bound ? `${it.text} = ${text}` : text);
  }
  return edits.length ? { title: `Correct the window count: ${shown.join(', ')}`, edits } : undefined;
}

function countText(srcName: string | undefined, k: number, n: Lin, w: Lin, step: number): string {
  const nText = srcName ? `${srcName}.shape[${k}]` : linText(n);
  const wText = linText(w);
  const cn = constOf(n); const cw = constOf(w);
  if (!srcName && cn !== undefined && cw !== undefined) return String(Math.floor((cn - cw) / step) + 1);
  if (step === 1) return `${nText} - ${wText} + 1`;
  if (constOf(w) === step) return `${nText} // ${step}`;
  return `(${nText} - ${wText}) // ${step} + 1`;
}

const IDENT = /^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/;

/**
 * Words for source axis `k` of an `nd`-dimensional array: rows and columns only where they are
 * certain (1-d and 2-d). A 3-d array may be an (H, W, C) image whose axis 0 is rows, not
 * "planes", so from 3 dimensions on the axis is named by its number; `undefined` then.
 */
function axisNoun(k: number, nd: number | undefined): string | undefined {
  if (nd === 1) return 'element';
  if (nd === 2) return k === 1 ? 'column' : 'row';
  return undefined;
}

/** The noun, or `index along axis k` where there is none. */
function axisThing(k: number, nd: number | undefined): string {
  return axisNoun(k, nd) ?? `index along axis ${k}`;
}

/** `c` steps along axis `k`: `3 rows`, `back one column`, `2 steps along axis 0`. */
function axisSteps(c: number, k: number, nd: number | undefined): string {
  const noun = axisNoun(k, nd);
  if (noun) return countNoun(c, noun);
  const m = Math.abs(c);
  const word = `${m === 1 ? 'one step' : `${m} steps`} along axis ${k}`;
  return c < 0 ? `back ${word}` : word;
}

function countNoun(c: number, noun: string): string {
  const m = Math.abs(c);
  const word = m === 1 ? `one ${noun}` : `${m} ${noun}${noun.endsWith('s') ? '' : 's'}`;
  return c < 0 ? `back ${word}` : word;
}

/** Severity after the user's overrides; `undefined` when switched off. */
function severityOf(code: Code, o: FindingOptions): Severity | undefined {
  const s = o.severities?.[code];
  if (s === 'off') return undefined;
  return s ?? CODES[code].severity;
}

function versionAtLeast(v: string | undefined, major: number, minor: number): boolean {
  if (!v) return false;
  const m = /^(\d+)\.(\d+)/.exec(v);
  if (!m) return false;
  const a = Number(m[1]); const b = Number(m[2]);
  return a > major || (a === major && b >= minor);
}

/**
 * Whether two different indices of a concrete view touch a common byte: decided by structure
 * for the usual views (stride 0, a stride that is a small multiple of another, strides that
 * clear each other), by the engine's overlap solver otherwise; `null` when it gives up.
 */
export function selfOverlaps(l: Layout): boolean | null {
  if (l.shape.some((n) => n === 0) || l.itemsize === 0) return false;
  const dims = l.shape.map((n, k) => ({ n, s: Math.abs(l.strides[k]!) })).filter((d) => d.n > 1);
  for (const d of dims) if (d.s < l.itemsize) return true; // stride 0 or elements overlapping their neighbours
  for (const d of dims) {
    for (const e of dims) {
      if (d !== e && d.s % e.s === 0 && d.s / e.s <= e.n - 1) return true; // one step along d = q steps along e
    }
  }
  // Sufficient for no overlap: sorted by stride, each stride clears everything below it.
  const sorted = [...dims].sort((a, b) => a.s - b.s);
  let reach = l.itemsize;
  let clear = true;
  for (const d of sorted) {
    if (d.s < reach) { clear = false; break; }
    reach += (d.n - 1) * d.s;
  }
  if (clear) return false;
  // The rest: NumPy's bounded Diophantine solver, with a work budget.
  const r = internalOverlapVerdict(l, 1 << 16);
  return r.ok && r.value !== 'too-hard' ? r.value : null;
}

/** The exact values when every entry is a constant. */
function concreteBig(xs: readonly Lin[] | undefined): bigint[] | undefined {
  if (!xs) return undefined;
  const out: bigint[] = [];
  for (const x of xs) {
    const c = constBig(x);
    if (c === undefined) return undefined;
    out.push(c);
  }
  return out;
}

/** The values when every entry is a constant within the safe-integer range (the engine's domain). */
function concrete(xs: readonly Lin[] | undefined): number[] | undefined {
  const out = xs?.map(constOf);
  return out?.every((x) => x !== undefined) ? out as number[] : undefined;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Why NumPy or torch refuses a view whose shape, strides and offset are known exactly, before
 * any bounds check: a value that does not fit a C `long` / int64 (NumPy: OverflowError; torch:
 * TypeError), a NumPy array of more than 2^63 − 1 bytes (`array is too big`), a negative torch
 * stride, or a torch storage size that overflows int64. Messages quote the library's own words.
 */
function refusedLayout(isTorch: boolean, shape: readonly bigint[], strides: readonly bigint[], offset: bigint, itemsize: number | undefined): string | undefined {
  const all = [...shape, ...strides, offset];
  const huge = all.find((v) => v < INT64_MIN || v > INT64_MAX);
  if (huge !== undefined) {
    return isTorch
      ? `${huge} does not fit in a 64-bit integer: torch raises TypeError (its sizes and strides must be 64-bit integers)`
      : `${huge} does not fit in a 64-bit integer: NumPy raises OverflowError (Python int too large to convert to C long)`;
  }
  if (shape.some((n) => n < 0n)) return undefined; // reported as a negative dimension
  if (isTorch) {
    const k = strides.findIndex((s) => s < 0n);
    if (k >= 0) return `as_strided: Negative strides are not supported at the moment, got strides: [${strides.join(', ')}] (torch raises RuntimeError)`;
    if (shape.some((n) => n === 0n)) return undefined;
    // torch computes the storage the view needs, `(offset + 1 + Σ (n−1)·s) · itemsize` elements, with overflow checks.
    let need = offset + 1n;
    for (let k = 0; k < shape.length; k++) need += (shape[k]! - 1n) * strides[k]!;
    if (need * BigInt(itemsize ?? 1) > INT64_MAX) return `Storage size calculation overflowed with sizes=[${shape.join(', ')}] and strides=[${strides.join(', ')}] (torch raises RuntimeError)`;
    return undefined;
  }
  if (itemsize === undefined || shape.some((n) => n === 0n)) return undefined;
  let bytes = BigInt(itemsize);
  for (const n of shape) bytes *= n;
  if (bytes > INT64_MAX) return `array is too big; \`arr.size * arr.dtype.itemsize\` is larger than the maximum possible size: shape ${tupleText(shape)} of ${itemsize}-byte elements is ${groupDigits(bytes)} B (NumPy raises ValueError)`;
  return undefined;
}

function sourceLayoutOf(source: CallFacts['source']): CallFinding['sourceLayout'] {
  const shape = source ? concrete(source.shape) : undefined;
  const strides = source ? concrete(source.strides) : undefined;
  const offset = source ? constOf(source.offset) : undefined;
  return shape && strides && offset !== undefined ? { shape, strides, offset } : null;
}

/** Why the strides are what they are when `as_strided` has a new shape and no `strides` (`CallFacts.stridesOmitted`). */
const OMITTED_STRIDES: Record<StridesOmitted, (src: string) => string> = {
  'C order': (src) => `\`strides\` omitted: ${src} is C-contiguous, so NumPy gives the new shape C-order strides (not the strides of ${src}).`,
  source: (src) => `\`strides\` omitted: ${src} is not C-contiguous, so the view keeps its strides.`,
  unknown: (src) => `\`strides\` omitted: NumPy gives the new shape C-order strides if ${src} is C-contiguous and keeps the strides of ${src} otherwise; pass \`strides=\` to say which.`,
};

/**
 * What to show for one call. `writeUse` answers, when asked, how the code lets writes reach
 * the view (SL003 needs it only for overlapping writeable views; see `writeUseAt`).
 */
export function callFinding(f: CallFacts, options: FindingOptions = {}, writeUse: () => string | undefined = () => undefined): CallFinding {
  if (f.fn === 'F.unfold') return im2colFinding(f, options);
  const isTorch = f.fn === 'torch.as_strided' || f.fn.startsWith('Tensor.');
  const units = isTorch ? 'elements' : 'bytes';
  const unitAbbr = isTorch ? ' elements' : ' B';
  const source = f.source;
  const srcName = f.sourceText && IDENT.test(f.sourceText) ? f.sourceText : undefined;
  const diags: Diagnostic[] = [];
  const notes: string[] = [];
  const requires: string[] = [];
  const push = (code: Code, message: string, fixes: Fix[] = [], sp: Span = f.span) => {
    const severity = severityOf(code, options);
    if (severity) diags.push({ code, severity, message, span: sp, fixes });
  };
  const itemsize = source ? constOf(source.itemsize) : undefined;

  const shape = concrete(f.shape);
  const strides = concrete(f.strides);
  const offset = f.offset ? constOf(f.offset) : undefined;
  const bufSize = source?.buffer.size ? constOf(source.buffer.size) : undefined;
  const bufLabel = source?.buffer.label ?? f.sourceText ?? 'the source';

  if (f.problem) push('SL008', f.problem);
  let lengthsMatch = true;
  if (f.shape && f.strides && f.shape.length !== f.strides.length) {
    lengthsMatch = false;
    push('SL004', isTorch
      ? `mismatch in length of sizes and strides: size has ${f.shape.length} entries, stride has ${f.strides.length}`
      : `mismatch in length of strides and shape: shape has ${f.shape.length} entries, strides has ${f.strides.length}`,
    [], f.stridesArg?.span ?? f.span);
  }
  const shapeBig = concreteBig(f.shape);
  const stridesBig = concreteBig(f.strides);
  const offsetBig = f.offset ? constBig(f.offset) : undefined;
  const negative = shapeBig?.findIndex((n) => n < 0n) ?? -1;
  // torch checks no size: a negative one overflows the storage size it computes, unless
  // another size is 0 (then it makes the view, with no elements).
  const negativeProblem = negative < 0 ? undefined
    : !isTorch ? `negative dimensions are not allowed: shape[${negative}] = ${shapeBig![negative]}`
      : shapeBig!.some((n) => n === 0n) ? undefined
        : `Storage size calculation overflowed with sizes=[${shapeBig!.join(', ')}]${stridesBig ? ` and strides=[${stridesBig.join(', ')}]` : ''} (torch raises RuntimeError)`;
  if (negativeProblem) push('SL008', negativeProblem, [], f.shapeArg?.span ?? f.span);
  const refused = shapeBig && stridesBig && offsetBig !== undefined && lengthsMatch
    ? refusedLayout(isTorch, shapeBig, stridesBig, offsetBig, itemsize) : undefined;
  if (refused) push('SL008', refused);

  // A view with a length-0 axis reads nothing: no stride of it matters, no axis is reached.
  const emptyView = f.shape?.some((n) => constOf(n) === 0) ?? false;
  // SL005: NumPy strides must be whole elements to make sense. An axis of length 1 never
  // steps (NumPy's tests build `strides=(-1, 80, 8)` on shape (1, 10, 10)).
  if (!isTorch && itemsize && f.strides && !emptyView) {
    f.strides.forEach((s, k) => {
      const c = constOf(s);
      const steps = f.shape?.[k] === undefined || constOf(f.shape[k]) !== 1;
      if (c !== undefined && c % itemsize !== 0 && steps) {
        push('SL005', `strides[${k}] = ${c} B is not a multiple of the itemsize ${itemsize} B of ${bufLabel} (${source?.dtype?.name ?? 'its dtype'}): elements would start mid-element`, [], f.stridesArg?.items?.[k]?.span ?? f.stridesArg?.span ?? f.span);
      }
    });
  }

  const steps = f.strides && source && lengthsMatch ? decompose(f.strides, source, f.shape) : undefined;
  const ndSource = source?.shape?.length ?? (steps ? Math.max(-1, ...steps.flatMap((s) => (s ? stepParts(s).map((p) => p.axis) : []))) + 1 : undefined);
  const pattern = steps && f.shape && ndSource !== undefined ? windowPattern(f.shape, steps, ndSource) : undefined;

  // ---- concrete layout through the engine
  let inBounds: boolean | null = null;
  let reach: CallFinding['reach'] = null;
  let overlap: boolean | null = null;
  let outOfBounds = false;
  let lens = '';
  const unitSize = isTorch ? 1 : itemsize;
  const layout: Layout | undefined = shape && strides && offset !== undefined && unitSize !== undefined && lengthsMatch && negative < 0 && !refused
    ? { shape, strides, offset, itemsize: unitSize } : undefined;
  if (refused) {
    lens = `⚠ ${refused}`;
  } else if (!layout && shapeBig && stridesBig && offsetBig !== undefined && unitSize !== undefined && lengthsMatch && negative < 0) {
    // Exact values past the engine's safe-integer range (`strides=(2**62,)`): bounds in bigint.
    const { low, high } = extentOfBigints(shapeBig, stridesBig, offsetBig, unitSize);
    reach = { low: jsonInteger(low), high: jsonInteger(high) };
    const view = `view ${tupleText(shapeBig)} · strides ${tupleText(stridesBig)}${isTorch ? ' elements' : ''}`;
    if (bufSize !== undefined && low < high && (low < 0n || high > BigInt(bufSize))) {
      inBounds = false;
      outOfBounds = true;
      const what = isTorch ? `${bufLabel}'s storage (${groupDigits(bufSize)}${unitAbbr})` : `${bufLabel} (${groupDigits(bufSize)}${unitAbbr})`;
      const head = high > BigInt(bufSize)
        ? `⚠ reads ${groupDigits(high - BigInt(bufSize))}${unitAbbr} past the end of ${what}`
        : `⚠ reads ${groupDigits(-low)}${unitAbbr} before the start of ${what}`;
      lens = `${head} · ${view}`;
      push('SL001', `${head.slice(2)}${isTorch ? ' (torch raises: out of bounds for storage)' : ''}`);
    } else {
      inBounds = bufSize === undefined ? null : true;
      lens = `${view} · ${low === high ? `${units} none (empty view)` : `${units} ${groupDigits(low)}–${groupDigits(high - 1n)}${bufSize !== undefined ? ` of ${groupDigits(bufSize)} ✓` : ''}`}`;
    }
  } else if (layout) {
    const err = layoutError(layout);
    if (!err) {
      const ext = extent(layout);
      const b = bufSize === undefined ? undefined : bounds(layout, BigInt(bufSize));
      const rep = { extent: ext, inBounds: b ? b.inBounds : null, bytesPastEnd: b?.bytesPastEnd ?? 0n, bytesBeforeStart: b?.bytesBeforeStart ?? 0n, firstOutOfBoundsIndex: b?.firstOutOfBoundsIndex ?? null };
      reach = { low: jsonInteger(rep.extent.low), high: jsonInteger(rep.extent.high) };
      inBounds = rep.inBounds;
      overlap = selfOverlaps(layout);
      const view = `view ${tupleText(shape!)} · strides ${tupleText(strides!)}${isTorch ? ' elements' : ''}`;
      if (rep.inBounds === false) {
        outOfBounds = true;
        const what = isTorch ? `${bufLabel}'s storage (${groupDigits(bufSize!)}${unitAbbr})` : `${bufLabel} (${groupDigits(bufSize!)}${unitAbbr})`;
        const head = rep.bytesPastEnd > 0n
          ? `⚠ reads ${groupDigits(rep.bytesPastEnd)}${unitAbbr} past the end of ${what}`
          : `⚠ reads ${groupDigits(rep.bytesBeforeStart)}${unitAbbr} before the start of ${what}`;
        lens = `${head} · ${view}`;
        const idx = rep.firstOutOfBoundsIndex;
        const fixes = windowFixes(f, source, pattern, srcName, options, true);
        push('SL001', `${head.slice(2)}${idx ? `; first index outside: ${tupleText(idx)}` : ''}${isTorch ? ' (torch raises: out of bounds for storage)' : ''}`, fixes);
      } else {
        const empty = rep.extent.low === rep.extent.high;
        const bytes = empty ? `${units} none (empty view)` : `${units} ${groupDigits(rep.extent.low)}–${groupDigits(rep.extent.high - 1n)}${bufSize !== undefined ? ` of ${groupDigits(bufSize)}` : ''}${rep.inBounds ? ' ✓' : ''}`;
        lens = `${view} · ${bytes}`;
      }
      const zero = shape!.findIndex((n, k) => n > 1 && strides![k] === 0);
      if (zero >= 0) lens += ` · stride 0 on dim ${zero} repeats elements`;
      else if (overlap) lens += ' · windows overlap';
      // A view that only swaps the source's axes says so: `same as a.T`.
      const srcShape = source?.shape && concrete(source.shape);
      const srcStrides = source?.strides && concrete(source.strides);
      if (srcShape && srcStrides && srcShape.length >= 2 && srcShape.length === shape!.length && offset !== undefined && f.offset && source && linEqual(f.offset, source.offset)
        && shape!.every((n, k) => n === srcShape[srcShape.length - 1 - k]) && strides!.every((x, k) => x === srcStrides[srcStrides.length - 1 - k])
        && srcStrides.some((x, k) => x !== strides![k])) {
        lens += ` · same as ${srcName ?? source.label}.T`;
      }
    } else {
      lens = `⚠ ${err}`;
    }
  }

  // ---- source axes: wraps (concrete) and requirements (unknown sizes); with an unknown
  // prefix, the source is its last axes, named from the end (`a.shape[-1]`)
  const reachByAxis = steps && f.shape && lengthsMatch && !emptyView && (f.offset === undefined || !source || linEqual(f.offset, source.offset)) ? axisReach(f.shape, steps) : undefined;
  let wraps = false;
  // Set when, for every size, a window runs past the end of an inner axis of the source into
  // its next row, and is not shown to leave the array (SL002, not SL001).
  let nextRow = false;
  // Set when the lens says the view fits any array the parameter may hold.
  let fitsAny = false;
  // Symbols the bounds took as non-negative (or ≥ 1) that the code does not make so: stated.
  const assumed: Assumed = new Map();
  if (source && reachByAxis) {
    const needs: { axis: number; text: string; value: number | undefined }[] = [];
    const wrapMsgs: string[] = [];
    const alwaysMsgs: string[] = [];
    const nextRowMsgs: string[] = [];
    // Past the end of an inner axis a window lands in the next row, and leaves the array only
    // when the view also spans every outer axis to its end (the rows of the rolling recipe,
    // all of them). The outermost axis has none; an axis counted from the end of an array of
    // unknown dimension count may have any number (a prefix view spans its own).
    const spansOuter = (axis: number): boolean => {
      if (axis < 0) return false;
      for (let i = 0; i < axis; i++) {
        const o = reachByAxis.find((x) => x.axis === i);
        const n = axisLen(source, i);
        const last = n && linSub(n, lin(1));
        if (!o || constOf(o.lo) !== 0 || !last || !linEqual(o.hi, last)) return false;
      }
      return true;
    };
    for (const r of reachByAxis) {
      const n = axisLen(source, r.axis);
      if (!n) continue;
      const needHi = linAdd(r.hi, lin(1));
      const slack = linSub(linSub(n, lin(1)) ?? n, r.hi);
      const took: Assumed = new Map();
      const lb = slack ? linLowerBound(slack, took) : undefined;
      if (lb !== undefined && lb >= 0) for (const [name, v] of took) assumed.set(name, Math.max(assumed.get(name) ?? v, v));
      const loC = constOf(r.lo);
      const loBad = loC !== undefined && loC < 0;
      const slackC = slack ? constOf(slack) : undefined;
      // Short for every value (`slack ≤ -1`): constant, or proven (`(n - w) // hop + 2` frames).
      const tookShort: Assumed = new Map();
      const negSlack = slack && slackC === undefined ? linScale(slack, -1) : undefined;
      const shortAlways = negSlack !== undefined && (linLowerBound(negSlack, tookShort) ?? 0) >= 1;
      if ((slackC !== undefined && slackC < 0) || loBad || shortAlways) {
        const noun = axisNoun(r.axis, source.shape?.length);
        const inner = r.axis >= 1 && (source.shape?.length ?? 0) >= 2;
        if (!outOfBounds && inBounds && inner) {
          wrapMsgs.push(loBad
            ? `steps back to index ${loC} along axis ${r.axis} of ${source.label}, before its ${noun ? `first ${noun}` : 'start'}`
            : `runs to index ${constOf(r.hi)} along axis ${r.axis} of ${source.label}, which has ${linText(n)}: ${noun === 'column' ? 'past the end of one row into the next' : `into the next index along axis ${r.axis - 1}`}`);
        } else if (!layout) {
          const when = [...tookShort].map(([name, v]) => `${name} ≥ ${v}`);
          const more = shortAlways ? `, more than ${linText(n)}${when.length ? ` whenever ${when.join(' and ')}` : ''}` : '';
          const need = `it needs ${source.label}.shape[${axisName(f, r.axis)}] ≥ ${linText(needHi ?? r.hi)}${more}`;
          if (loBad) alwaysMsgs.push(`it reads before the start of ${source.label} along axis ${axisName(f, r.axis)}`);
          else if (spansOuter(r.axis)) alwaysMsgs.push(need);
          else nextRowMsgs.push(need);
        }
      } else if (lb === undefined || lb < 0) {
        if (needHi) needs.push({ axis: r.axis, text: linText(needHi), value: constOf(needHi) });
      }
    }
    // Strides NumPy chose (C order, `strides` omitted) make a reshape: crossing rows is its point.
    if (wrapMsgs.length && f.stridesOmitted !== 'C order') {
      wraps = true;
      push('SL002', `the view stays inside the buffer but a window ${wrapMsgs.join('; and ')}`, windowFixes(f, source, pattern, srcName, options, false));
    }
    if (nextRowMsgs.length && !alwaysMsgs.length) {
      wraps = true;
      nextRow = true;
      push('SL002', `a window runs on into the next row of ${source.label}, or past its end when ${source.label} has only one: ${nextRowMsgs.join('; ')}`, windowFixes(f, source, pattern, srcName, options, false));
    }
    if (alwaysMsgs.length) {
      outOfBounds = true;
      // Sizes that leave the view no element read nothing (`n - w + 2` windows when n = w - 2).
      push('SL001', `the view reads past the end of ${source.label} ${source.symbolic ? `for every size of ${source.label} that gives it elements` : `whatever ${dependsOn([...(f.shape ?? []), ...(f.strides ?? [])]).join(', ')} may be, when it has elements`}: ${alwaysMsgs.join('; ')}`, windowFixes(f, source, pattern, srcName, options, true));
    }
    if (needs.length > 0 && !layout) {
      const known = source.shape ? concrete(source.shape) : undefined;
      if (known) {
        // The source is known and the view's sizes are not: the bound is on the view.
        for (const x of needs) requires.push(`${x.text} ≤ ${known[x.axis]} (${source.label}.shape[${x.axis}])`);
      } else if (!f.prefix && needs.length === ndSource && ndSource > 1 && needs.every((x, i) => x.axis === i)) {
        requires.push(`${source.label}.shape ≥ ${tupleText(needs.map((x) => x.text))}`);
      } else for (const x of needs) requires.push(`${source.label}.shape[${axisName(f, x.axis)}] ≥ ${x.text}`);
    }
  }

  if (source && reachByAxis && steps && f.shape && !layout && !outOfBounds) requires.push(...assumptions(assumed, steps, f.shape));

  // ---- a call known to raise says so (never a bare `?` beside its SL008)
  const raises = f.problem ?? negativeProblem
    ?? (lengthsMatch ? undefined : diags.find((d) => d.code === 'SL004')?.message);
  if (!layout && !lens && raises) lens = `⚠ raises: ${raises}`;

  // ---- symbolic / unresolved lens
  const shapeText = dimsText(f, f.shape);
  const stridesText = dimsText(f, f.strides);
  if (!layout && !lens) {
    const shText = shapeText ? tupleText(shapeText) : '?';
    const stText = stridesText ? tupleText(stridesText) : '?';
    const parts = [`view ${shText} · strides ${stText}${isTorch ? ' elements' : ''}`];
    if (!f.shape || !f.strides || !source) parts.push(!source ? 'source unknown' : f.stridesOmitted === 'unknown' ? `strides depend on whether ${srcName ?? source.label} is C-contiguous` : 'not all sizes known');
    else if (outOfBounds) parts.unshift('⚠');
    else if (nextRow) { parts.unshift('⚠'); parts.push(`windows run into the next row of ${source.label}`); }
    else if (requires.length > 0) parts.push(`needs ${requires.join(', ').replace(`${source.label}.shape`, `${source.label}.shape`)}`);
    else if (reachByAxis && source.symbolic) { fitsAny = true; parts.push(`fits any ${source.label} ✓`); }
    else parts.push(`bounds depend on ${dependsOn([...f.shape, ...f.strides]).join(', ')}`);
    if (steps && f.shape) {
      const ov = symbolicOverlap(f.shape, steps);
      if (ov) { overlap = true; parts.push('windows overlap'); }
    }
    lens = parts.join(' · ');
    if (!source) notes.push('The source array is not known here; add `# stride-lens: NAME float32[H, W]` to describe it.');
  }

  // ---- SL003: overlapping, writeable, and the code writes through it, returns it from a
  // public function, or asks for writeable=True (said at the definition, not at call sites)
  const explicitWrite = f.writeableArg && f.writeable;
  const use = overlap && f.writeable && !isTorch && !f.via ? writeUse() : undefined;
  if (use || (overlap && f.writeable && !isTorch && !f.via && explicitWrite)) {
    const fixes: Fix[] = [];
    const wEdit = writeableEdit(f);
    if (wEdit) fixes.push({ title: 'Make the view read-only (writeable=False)', edits: [wEdit] });
    const why = use ?? 'writeable=True asks for writes';
    push('SL003', `the windows of this view share ${units}, it is writeable, and ${why}: a write through it changes several elements at once`, fixes);
  }

  // ---- SL006: hard-coded byte strides where x.strides would do
  if (!isTorch && source?.strides && srcName && f.stridesArg && steps && !wraps && !outOfBounds) {
    const items = f.stridesArg.items;
    const literal = items ? items.some((i, d) => i.literal && constOf(f.strides![d] ?? lin(0)) !== 0) : false;
    if (literal && steps.every((s, d) => s !== null || constOf(f.strides![d]!) === 0)) {
      const text = tupleText(steps.map((s) => (s === null ? '0' : stepParts(s).map((p, i) => `${i > 0 ? (p.coef < 0 ? '- ' : '+ ') : p.coef < 0 ? '-' : ''}${srcName}.strides[${p.axis}]${Math.abs(p.coef) === 1 ? '' : ` * ${Math.abs(p.coef)}`}`).join(' '))));
      push('SL006', `strides ${tupleText(f.strides!.map(linText))} are hard-coded bytes; ${srcName}.strides gives them and stays right if the dtype or shape of ${srcName} changes`,
        [{ title: `Derive strides from ${srcName}.strides`, edits: [{ span: f.stridesArg.span, newText: text }] }], f.stridesArg.span);
    }
  }

  // ---- SL007: torch strides that look like bytes
  if (isTorch && source?.dtype && source.dtype.itemsize > 1 && strides && shape && offset !== undefined && bufSize !== undefined && outOfBounds) {
    const isz = source.dtype.itemsize;
    if (strides.some((s) => s !== 0) && strides.every((s) => s % isz === 0)) {
      const scaled = strides.map((s) => s / isz);
      if (bounds({ shape, strides: scaled, offset, itemsize: 1 }, BigInt(bufSize)).inBounds) {
        const edits: TextEdit[] = f.stridesArg ? [{ span: f.stridesArg.span, newText: tupleText(scaled) }] : [];
        push('SL007', `torch strides count elements, not bytes: ${tupleText(strides)} divided by the element size ${isz} gives ${tupleText(scaled)}, which fits the storage`,
          edits.length ? [{ title: `Use element strides ${tupleText(scaled)}`, edits }] : []);
      }
    }
  }

  // ---- equivalent sliding_window_view (information: offered as a fix on the lens/hover)
  const rewrite = !outOfBounds && !wraps && f.fn === 'as_strided' ? swvRewrite(f, source, pattern, true) : undefined;
  const extraFixes: Fix[] = rewrite ? [rewrite] : [];

  // ---- hover
  const dims: DimExplanation[] = [];
  if (f.shape && f.strides && lengthsMatch && !options.noHover) {
    for (let d = 0; d < f.shape.length; d++) {
      const s = f.strides[d]!;
      const cs = constOf(s);
      let elems: string | null = null;
      if (isTorch) elems = linText(s);
      else if (itemsize && cs !== undefined) elems = cs % itemsize === 0 ? String(cs / itemsize) : null;
      else if (steps?.[d] && source?.symbolic) elems = null;
      const m = meaning(d, s, steps?.[d], pattern, source, isTorch, ndSource);
      // After an unknown prefix, dimensions count from the end.
      const dim = f.prefix ? d - f.shape.length : d;
      dims.push({ dim, size: linText(f.shape[d]!), stride: linText(s), strideElements: elems, meaning: m, text: `dim ${dim}: ${m}` });
    }
  }
  const title = `${f.fn} view of ${f.sourceText ?? 'an unknown array'}${source?.dtype ? ` (${source.dtype.name})` : ''}${f.via ? `, made by ${f.via} for this call` : ''}`;
  if (requires.length) notes.push(`needs ${requires.join(', ')}`);
  // A verdict for every array is for arrays with elements: a view reading index 0 of an axis
  // it does not step along reads a byte an empty array does not have.
  if (source?.symbolic && !f.prefix && !outOfBounds && (requires.length > 0 || fitsAny)) {
    notes.push(`For any ${source.label} with elements: an empty ${source.label} has no byte to read.`);
  }
  if (f.stridesOmitted) notes.push(OMITTED_STRIDES[f.stridesOmitted](srcName ?? source?.label ?? 'the source'));
  if (isTorch) notes.push('PyTorch counts strides and storage_offset in elements, not bytes.');

  if (f.fn === 'ndarray') {
    // np.ndarray(buffer=…) checks its view against the buffer: what would read outside it
    // (SL001 for as_strided) makes the call raise instead.
    const severity = severityOf('SL008', options);
    const kept = diags.flatMap((d) => (d.code !== 'SL001' ? [d] : severity
      ? [{ ...d, code: 'SL008' as const, severity, message: `NumPy raises (the buffer is too small for this view): ${d.message}`, fixes: [] }] : []));
    diags.splice(0, diags.length, ...kept);
    if (outOfBounds) lens = lens.replace(/^⚠ /, '⚠ raises, buffer too small: ');
  }
  if (f.via) {
    // Resolved at a call site: the text to edit is in the function, not here.
    diags.forEach((d, i) => { diags[i] = { ...d, message: `in ${f.via}: ${d.message}`, fixes: [] }; });
    extraFixes.length = 0;
    lens = `${f.via}: ${lens}`;
  }
  const finding: CallFinding = {
    fn: f.fn, unit: f.unit, via: f.via ?? null, span: f.span,
    hoverSpans: [f.calleeSpan, ...(f.shapeArg ? [f.shapeArg.span] : []), ...(f.stridesArg ? [f.stridesArg.span] : [])],
    units, source: f.sourceText ?? null,
    shape: shape ?? null, strides: strides ?? null, offset: offset ?? null, itemsize: itemsize ?? null, dtype: source?.dtype?.name ?? null,
    shapeText, stridesText,
    buffer: source && bufSize !== undefined ? { label: bufLabel, size: bufSize } : null,
    sourceLayout: sourceLayoutOf(source),
    reach, inBounds, overlap, requires, lens,
    hover: { title, dims, notes: rewrite ? [...notes, `Same view: ${rewrite.edits[rewrite.edits.length - 1]!.newText}`] : notes },
    diagnostics: diags,
    refactorings: extraFixes,
  };
  return finding;
}

/**
 * `F.unfold` (im2col) is a copy, not a view: its lens says what the copy is (`copy (2, 27,
 * 676) · 26 × 26 blocks of 3 × 3`), its hover what each dimension holds, and SL008 gives
 * torch's error where the call raises. Nothing reads outside its input.
 */
function im2colFinding(f: CallFacts, options: FindingOptions): CallFinding {
  const severity = severityOf('SL008', options);
  const at = f.via ? `in ${f.via}: ` : '';
  const diagnostics: Diagnostic[] = f.problem && severity ? [{ code: 'SL008', severity, message: `${at}${f.problem} (torch raises)`, span: f.span, fixes: [] }] : [];
  const shape = concrete(f.shape);
  const strides = concrete(f.strides);
  const text = f.shape?.map(linText);
  const blocks = f.im2col && `${f.im2col.blocks.map(linText).join(' × ')} blocks of ${f.im2col.kernel.map(linText).join(' × ')}`;
  let lens = f.problem ? `⚠ raises: ${f.problem}` : text ? `copy ${tupleText(text)}${blocks ? ` · ${blocks}` : ''}` : 'copy ? · not all sizes known';
  if (f.via) lens = `${f.via}: ${lens}`;
  const dims: DimExplanation[] = [];
  if (f.shape && f.strides && f.im2col && !options.noHover) {
    const n = f.shape.length;
    const [kh, kw] = f.im2col.kernel.map(linText);
    const [bh, bw] = f.im2col.blocks.map(linText);
    const c = f.source?.shape?.[f.source.shape.length - 3];
    const meanings = [
      ...(n === 3 ? ['one input of the batch'] : []),
      `one value per channel and kernel position (${c ? `${linText(c)} channels` : 'channels'} × ${kh} × ${kw})`,
      `one column per block (${bh} × ${bw} blocks, row by row)`,
    ];
    f.shape.forEach((size, d) => {
      const stride = linText(f.strides![d]!);
      dims.push({ dim: d, size: linText(size), stride, strideElements: stride, meaning: meanings[d]!, text: `dim ${d}: ${meanings[d]!}` });
    });
  }
  return {
    fn: f.fn, unit: f.unit, via: f.via ?? null, span: f.span, hoverSpans: [f.calleeSpan], units: 'elements', source: f.sourceText ?? null,
    shape: shape ?? null, strides: strides ?? null, offset: shape ? 0 : null, itemsize: f.source?.dtype?.itemsize ?? null, dtype: f.source?.dtype?.name ?? null,
    shapeText: text ?? null, stridesText: f.strides?.map(linText) ?? null, sourceLayout: sourceLayoutOf(f.source),
    // The copy's own storage: one element per value.
    buffer: shape ? { label: 'the copy', size: shape.reduce((p, n) => p * n, 1) } : null,
    reach: null, inBounds: null, overlap: false, requires: [], lens,
    hover: { title: `F.unfold (im2col) of ${f.sourceText ?? 'an unknown tensor'}: a new tensor, not a view${f.via ? `, made by ${f.via} for this call` : ''}`, dims, notes: ['PyTorch counts strides in elements.'] },
    diagnostics, refactorings: [],
  };
}

/**
 * What a name holds, in words, for a hover on the name: `float32 array, shape (28, 28),
 * strides (112, 4) B, C-contiguous`; for an integer its value or its formula.
 */
export function describeValue(v: Val): string | undefined {
  if (v.k === 'int') return `= ${linText(v.e)}`;
  if (v.k !== 'array') return undefined;
  const a = v.a;
  const isTorch = a.lib === 'torch';
  const parts = [`${a.dtype ? `${a.dtype.name} ` : ''}${isTorch ? 'tensor' : 'array'}${v.values ? ` [${v.values.map(itemText).join(', ')}]` : ''}`];
  parts.push(a.shape ? `shape ${tupleText(a.shape.map(linText))}` : 'shape unknown');
  if (a.strides) parts.push(`strides ${tupleText(a.strides.map(linText))}${isTorch ? ' elements' : ' B'}`);
  if (!a.symbolic && a.shape && a.strides && isCContiguousFact(a)) parts.push('C-contiguous');
  const off = constOf(a.offset);
  const size = a.buffer.size && linText(a.buffer.size);
  if (a.buffer.label !== a.label || off !== 0) parts.push(`a view of ${a.buffer.label}${size ? ` (${size}${isTorch ? ' elements' : ' B'})` : ''} at offset ${linText(a.offset)}`);
  else if (size) parts.push(`${size}${isTorch ? ' elements' : ' B'}`);
  return parts.join(', ');
}

/** Source axis `k` as the code names it: from the end after an unknown prefix (`CallFacts.prefix`). */
function axisName(f: CallFacts, k: number): number {
  return f.prefix ? k - f.prefix : k;
}

/** A view's sizes or strides as text, led by `…` after an unknown prefix. */
function dimsText(f: CallFacts, xs: readonly Lin[] | undefined): string[] | null {
  return xs ? [...(f.prefix ? ['…'] : []), ...xs.map(linText)] : null;
}

/** An item of an array whose items the analysis knows, as Python prints it in a list. */
function itemText(x: Val): string {
  if (x.k === 'int') return linText(x.e);
  if (x.k === 'float') return x.v === undefined ? '?' : Number.isInteger(x.v) ? x.v.toFixed(1) : String(x.v);
  return x.k === 'bool' ? (x.v ? 'True' : 'False') : '?';
}

/** The names a symbolic view's sizes are written in (`n_frames`, `hop_length`, `x`, `self.hop`), in order. */
function dependsOn(xs: readonly Lin[]): string[] {
  const out = new Set<string>();
  // Dotted names stay whole (`self.hop`), up to an array attribute (`x.strides[0]` → `x`).
  for (const x of xs) for (const atom of linAtoms(x)) for (const m of atom.matchAll(/(?<![.\w])[A-Za-z_]\w*(?:\.(?!(?:shape|strides|itemsize)\b)[A-Za-z_]\w*)*/g)) out.add(m[0]);
  return [...out];
}

/**
 * What the bounds took for granted, as requirements: a symbolic step factor
 * (`hop_length * x.strides[0]`) does not step backwards, a divisor is ≥ 1, a symbol counted as
 * non-negative is. A symbol that is itself one of the view's sizes needs nothing (a negative
 * size raises); `hop_length ≥ 1` where the shape divides by it (0 would have raised already).
 */
function assumptions(assumed: Assumed, steps: readonly (Step | null)[], shape: readonly Lin[]): string[] {
  const all = new Map(assumed);
  for (const st of steps) {
    if (!st?.factor) continue;
    const name = linText(st.factor);
    all.set(name, Math.max(all.get(name) ?? 0, 0));
  }
  const sizes = new Set(shape.map(soleName));
  return [...all].filter(([name, least]) => least > 0 || !sizes.has(name)).map(([name, least]) => `${name} ≥ ${least}`);
}

function symbolicOverlap(shape: readonly Lin[], steps: readonly (Step | null)[]): boolean {
  for (let d = 0; d < steps.length; d++) {
    for (let e = 0; e < steps.length; e++) {
      const a = steps[d]; const b = steps[e];
      if (d === e || !a || !b || a.extra || b.extra || a.factor || b.factor || a.axis !== b.axis) continue;
      const ne = constOf(shape[e]!);
      const nd = constOf(shape[d]!);
      if (ne === undefined || (nd !== undefined && nd < 2)) continue;
      if (a.coef % b.coef === 0 && a.coef / b.coef >= 1 && a.coef / b.coef <= ne - 1) return true;
    }
  }
  return false;
}

function meaning(d: number, s: Lin, step: Step | null | undefined, pattern: WindowPattern | undefined, source: ArrayFact | undefined, isTorch: boolean, nd: number | undefined): string {
  const unit = isTorch ? (Math.abs(constOf(s) ?? 2) === 1 ? ' element' : ' elements') : ' B';
  const amount = `${linText(s)}${unit}`;
  if (constOf(s) === 0) return 'stride 0: every index along this dimension reads the same elements (broadcast)';
  if (!step || !source) return `${amount} per step`;
  if (step.extra) return `${stepParts(step).map((p) => axisSteps(p.coef, p.axis, nd)).join(' and ')} of ${source.label} = ${amount}`;
  const noun = axisThing(step.axis, nd);
  if (step.factor) {
    // `hop_length elements of x`, `stride * 2 steps along axis 0 of x`.
    const times = `${linText(linScale(step.factor, step.coef) ?? step.factor)}`;
    const word = axisNoun(step.axis, nd);
    return `${times} ${word ? `${word}s` : `steps along axis ${step.axis}`} of ${source.label} = ${amount}`;
  }
  const of = `${axisSteps(step.coef, step.axis, nd)} of ${source.label}`;
  let role = '';
  if (pattern) {
    const ax = pattern.axes[step.axis];
    const twoD = pattern.axes.filter((a) => a.window !== undefined).length >= 2;
    const thing = twoD ? 'patch' : 'window';
    if (ax && ax.gridDim === d) role = ax.window === undefined ? `next ${noun}` : twoD ? `next ${thing} ${noun}` : `next ${thing}`;
    else if (ax && ax.windowDim === d) role = noun === 'row' ? `down within a ${thing}` : noun === 'column' ? `right within a ${thing}` : `next ${noun} within a ${thing}`;
  }
  return role ? `${role} = ${of} = ${amount}` : `${of} = ${amount}`;
}

function writeableEdit(f: CallFacts): TextEdit | undefined {
  const close = f.argsSpan.to - 1;
  if (f.writeableArg) return f.writeableSpan ? { span: f.writeableSpan, newText: 'False' } : undefined;
  if (f.argsSpan.to - f.argsSpan.from < 2) return undefined;
  return { span: { from: close, to: close }, newText: ', writeable=False' };
}

function swvRewrite(f: CallFacts, source: ArrayFact | undefined, pattern: WindowPattern | undefined, needEqual: boolean): Fix | undefined {
  if (!source || !pattern || !f.shape || !f.sourceText || f.fn !== 'as_strided') return undefined;
  if (f.offset && !linEqual(f.offset, source.offset)) return undefined;
  const windowed = pattern.axes.map((a, k) => ({ ...a, k })).filter((a) => a.window !== undefined);
  if (windowed.length === 0) return undefined;
  let equal = true;
  for (const a of pattern.axes.map((x, k) => ({ ...x, k }))) {
    const n = axisLen(source, a.k);
    if (!n) return undefined;
    const want = a.window === undefined ? n : correctCount(n, a.window, a.step);
    if (!want || !linEqual(want, f.shape[a.gridDim]!)) equal = false;
  }
  if (needEqual && !equal) return undefined;
  const nd = pattern.axes.length;
  const wText = windowed.length === 1 ? linText(windowed[0]!.window!) : tupleText(windowed.map((a) => linText(a.window!)));
  // After an unknown prefix (`CallFacts.prefix`) the axes count from the end and are always named.
  const axisText = windowed.length === nd && !f.prefix ? '' : windowed.length === 1 ? `, axis=${axisName(f, windowed[0]!.k)}` : `, axis=${tupleText(windowed.map((a) => axisName(f, a.k)))}`;
  const sl = pattern.axes.map((a) => (a.step === 1 ? ':' : `::${a.step}`));
  while (sl.length && sl[sl.length - 1] === ':') sl.pop();
  if (f.prefix && sl.length) return undefined; // stepping the windows after an unknown prefix: no short spelling
  const suffix = sl.length ? `[${sl.join(', ')}]` : '';
  const call = `${f.swvName.text}(${f.sourceText}, ${wText}${axisText})${suffix}`;
  const edits: TextEdit[] = [];
  if (f.swvName.importLine) edits.push({ span: { from: 0, to: 0 }, newText: f.swvName.importLine });
  edits.push({ span: f.span, newText: call });
  return { title: equal ? `Rewrite as ${call} (same view)` : `Rewrite as ${call} (computes the window count)`, edits };
}

/** Fixes for a view that reads too far: correct the window count, rewrite as swv, add check_bounds. */
function windowFixes(f: CallFacts, source: ArrayFact | undefined, pattern: WindowPattern | undefined, srcName: string | undefined, options: FindingOptions, oob: boolean): Fix[] {
  const fixes: Fix[] = [];
  if (source && pattern && f.shape && f.shapeArg) {
    const texts: string[] = [];
    const wrong: { d: number; want: Lin }[] = [];
    const items = f.shapeArg.items;
    for (let d = 0; d < f.shape.length; d++) {
      const ax = pattern.axes.findIndex((a) => a.gridDim === d && a.window !== undefined);
      const a = pattern.axes[ax];
      const n = ax >= 0 ? axisLen(source, ax) : undefined;
      const want = a && n ? correctCount(n, a.window!, a.step) : undefined;
      if (a && n && want && !linEqual(want, f.shape[d]!)) {
        texts.push(countText(srcName, ax, n, a.window!, a.step));
        wrong.push({ d, want });
      } else texts.push(linText(f.shape[d]!));
    }
    const changed = wrong.length > 0;
    // The count off by a constant, written as `… + K` in the call or in the assignment of the
    // name the call uses: correct K, in the user's own names (`len(x) - w + 2` → `+ 1`).
    const own = changed && items && items.length === f.shape.length ? ownNameFix(f.shape, items, wrong) : undefined;
    if (own) fixes.push(own);
    else if (changed) {
      const edits: TextEdit[] = items && items.length === f.shape.length
        ? items.map((it, d) => ({ span: it.span, newText: texts[d]! })).filter((e, d) => e.newText !== linText(f.shape![d]!))
        : [{ span: f.shapeArg.span, newText: tupleText(texts) }];
      fixes.push({ title: `Correct the window count: shape ${tupleText(texts)}`, edits });
    }
  }
  const rw = swvRewrite(f, source, pattern, false);
  if (rw) fixes.push(rw);
  if (oob && f.fn === 'as_strided' && versionAtLeast(options.numpyVersion, 2, 5)) {
    const close = f.argsSpan.to - 1;
    fixes.push({ title: 'Let NumPy check the bounds (check_bounds=True)', edits: [{ span: { from: close, to: close }, newText: ', check_bounds=True' }] });
  }
  return fixes;
}

/** The same finding for a call that moved by `d` characters (spans before `from` stay put). */
export function shiftFinding(f: CallFinding, d: number, from: number): CallFinding {
  if (d === 0) return f;
  const sh = (s: Span): Span => (s.from >= from ? { from: s.from + d, to: s.to + d } : s);
  return {
    ...f, span: sh(f.span), hoverSpans: f.hoverSpans.map(sh),
    diagnostics: f.diagnostics.map((x) => ({ ...x, span: sh(x.span), fixes: shiftFixes(x.fixes, sh) })),
    refactorings: shiftFixes(f.refactorings, sh),
  };
}

/** Fixes with every edit span passed through `sh`. */
export function shiftFixes(fixes: readonly Fix[], sh: (s: Span) => Span): Fix[] {
  return fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ span: sh(e.span), newText: e.newText })) }));
}
