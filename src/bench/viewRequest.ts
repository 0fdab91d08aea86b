/**
 * "Benchmark this view": the NumPy bridge's request for a resolved stride call, or why there
 * is none. The view is rebuilt over a buffer of the call's size filled by the input formula,
 * with the call's own strides and offset (bytes); when the source is a C-ordered array that
 * owns its buffer and the view walks it in whole steps without wrapping, the same view over
 * the source in F order is timed too. Pure.
 */
import { parseDtype } from '../engine/dtype';
import { explainView } from '../engine/explain';
import { cStrides, fStrides, type Layout } from '../engine/layout';
import type { TimingBudget, ViewRequest } from './numpyProtocol';

/** What of a call's finding (src/analysis CallFinding) the request needs. */
export interface ViewCall {
  readonly units: 'bytes' | 'elements';
  readonly shape: readonly number[] | null;
  readonly strides: readonly number[] | null;
  readonly offset: number | null;
  readonly itemsize: number | null;
  readonly dtype: string | null;
  readonly inBounds: boolean | null;
  readonly buffer: { readonly size: number | string } | null;
  readonly sourceLayout: { readonly shape: readonly number[]; readonly strides: readonly number[]; readonly offset: number } | null;
}

/** Largest buffer rebuilt for a view benchmark (bytes). */
export const VIEW_BENCH_MAX_BYTES = 1 << 30;
const NUMERIC = new Set(['b', 'i', 'u', 'f', 'c']);

export function viewBenchRequest(call: ViewCall, timing: TimingBudget): { ok: true; request: ViewRequest } | { ok: false; reason: string } {
  const { shape, itemsize } = call;
  if (!shape || !call.strides || call.offset === null || itemsize === null) return { ok: false, reason: 'the view is not resolved (its shape, strides or offset depends on values the code does not fix)' };
  if (call.inBounds !== true) return { ok: false, reason: call.inBounds === false ? 'the view reads out of bounds: fix it before timing it' : 'the buffer size is unknown, so the view cannot be rebuilt safely' };
  const dtype = call.dtype ? parseDtype(call.dtype) : null;
  if (!dtype?.ok || !NUMERIC.has(dtype.value.kind) || dtype.value.itemsize !== itemsize) return { ok: false, reason: `the dtype ${call.dtype ?? '(unknown)'} has no NumPy numeric type to time` };
  if (!call.buffer || typeof call.buffer.size !== 'number') return { ok: false, reason: 'the buffer size is unknown' };
  const scale = call.units === 'elements' ? itemsize : 1;
  const bytes = call.buffer.size * scale;
  if (bytes > VIEW_BENCH_MAX_BYTES) return { ok: false, reason: `the buffer is ${bytes} bytes; at most ${VIEW_BENCH_MAX_BYTES} are rebuilt` };
  if (bytes % itemsize !== 0) return { ok: false, reason: `the buffer (${bytes} bytes) is not a whole number of ${itemsize}-byte elements` };
  const strides = call.strides.map((s) => s * scale);
  const offset = call.offset * scale;
  if (offset % itemsize !== 0) return { ok: false, reason: `the offset (${offset} bytes) is not a whole number of elements` };
  const src = call.sourceLayout;
  const sourceNd = src?.shape.length ?? 1;
  const windowAxes = shape.length > sourceNd ? [...Array(shape.length - sourceNd).keys()].map((k) => sourceNd + k) : [shape.length - 1];
  const other = otherOrder({ shape, strides, offset, itemsize }, src && { shape: src.shape, strides: src.strides.map((s) => s * scale), offset: src.offset * scale }, bytes);
  return {
    ok: true,
    request: {
      // the source's own shape when it owns the buffer in C order (its F-order copy is timed), else the buffer flat
      kind: 'view', dtype: dtype.value.str, sourceShape: other && src ? [...src.shape] : [bytes / itemsize], shape: [...shape], strides, offset, windowAxes,
      otherOrder: other, timing,
    },
  };
}

/** The view's strides and offset over `np.asfortranarray(source)`, or null when that is not the same view. */
function otherOrder(view: Layout, src: { shape: readonly number[]; strides: readonly number[]; offset: number } | null, bytes: number): ViewRequest['otherOrder'] {
  if (!src || src.offset !== 0 || src.shape.length < 2) return null;
  const c = cStrides(src.shape, view.itemsize);
  if (src.strides.some((s, k) => s !== c[k] && src.shape[k]! > 1) || src.shape.reduce((a, b) => a * b, 1) * view.itemsize !== bytes) return null;
  const e = explainView(view, { shape: src.shape, strides: c, itemsize: view.itemsize });
  if (!e.ok || !e.value.start || e.value.overruns.length > 0 || e.value.dims.some((d) => d.terms === null)) return null;
  const f = fStrides(src.shape, view.itemsize);
  return {
    strides: e.value.dims.map((d) => d.terms!.reduce((acc, t) => acc + t.steps * f[t.axis]!, 0)),
    offset: e.value.start.reduce((acc, i, k) => acc + i * f[k]!, 0),
  };
}
