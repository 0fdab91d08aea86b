/**
 * The array payload the `stride_lens` Python helper writes into notebook outputs
 * (`application/vnd.stride-lens.array.v1+json`, see python/stride_lens/__init__.py):
 * validated field by field (output data is untrusted) and turned into what the array view
 * reads — the carried bytes as an in-memory array and the view as a layout over them — so
 * the renderer answers its own page requests with the same reader as the `.npy` viewer.
 * Pure: no DOM, no node.
 */
import { playgroundDtype } from '../engine/calculator';
import { parseDtype, type DescrList, type Dtype } from '../engine/dtype';
import { cStrides, layoutError, type Layout } from '../engine/layout';
import type { Result } from '../engine/report';
import type { CalculatorInputs } from '../protocol';
import type { NpyHeader } from './format';
import type { NpyArray } from './npy';
import { memorySource } from './source';
import { gatherView, npyBytes } from './write';

export const ARRAY_MIME_TYPE = 'application/vnd.stride-lens.array.v1+json';

/** NumPy's statistics of the whole array (numbers; integers past 2^53 as decimal strings). */
export interface PayloadSummary {
  readonly min: number | string | null;
  readonly max: number | string | null;
  readonly mean: number | null;
  readonly std: number | null;
  readonly nan: number;
  readonly posinf: number;
  readonly neginf: number;
}

/** A checked payload. Strides and offset are in bytes whatever the payload's unit. */
export interface ArrayPayload {
  readonly name: string | null;
  /** The dtype, or `null` when the library's type has no NumPy equivalent (`dtypeNote` says which). */
  readonly dtype: Dtype | null;
  readonly dtypeNote: string | null;
  /** The unit the library counts strides in (`elements` for torch), for showing them as it does. */
  readonly unit: 'bytes' | 'elements';
  readonly itemsize: number;
  /** The view over its buffer: offset = bytes from the buffer's start to element [0, …, 0]. */
  readonly layout: Layout;
  /** Strides and offset as the library gives them (in `unit`). */
  readonly strides: readonly number[];
  readonly offset: number;
  /** The shape of the C-contiguous NumPy array that owns the buffer, when the helper names it. */
  readonly bufferShape: readonly number[] | null;
  readonly bufferBytes: number;
  readonly inBounds: boolean;
  readonly truncated: boolean;
  readonly summary: PayloadSummary | null;
  /** The library's own repr (or, for a view past its buffer, a line saying so). */
  readonly repr: string;
  /** The carried bytes as a 1-d byte array, and the view as a layout over them; `null` when no bytes came (over the cap) or the dtype is unknown. */
  readonly data: CarriedValues | null;
  /** Over the cap: every `step`-th element along every axis, C-contiguous (its own shape). */
  readonly sample: { readonly step: number; readonly values: CarriedValues } | null;
}

/** Bytes an output carries, as a 1-d byte array, and the values as a layout over them. */
export interface CarriedValues {
  readonly array: NpyArray;
  readonly bytes: Uint8Array;
  readonly view: Layout;
}

/** The Layout Playground's inputs for the payload's view over its buffer (the owner's shape as the buffer when known). */
export function payloadCalculatorInputs(p: ArrayPayload): CalculatorInputs {
  return {
    dtype: playgroundDtype(p.dtype?.str ?? '', p.itemsize),
    shape: p.layout.shape.join(', '),
    strides: p.strides.join(', '),
    offset: String(p.offset),
    buffer: p.bufferShape?.length && p.bufferShape.reduce((a, b) => a * b, p.itemsize) === p.bufferBytes ? `${p.bufferShape.join(', ')},` : String(p.bufferBytes),
    unit: p.unit,
  };
}

type Obj = Record<string, unknown>;

class PayloadError extends Error {}

const fail = (msg: string): never => {
  throw new PayloadError(msg);
};
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const int = (o: Obj, k: string, min = 0): number => {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) fail(`"${k}" should be an integer${min === 0 ? ' ≥ 0' : ''}, not ${short(v)}`);
  return v as number;
};
const ints = (o: Obj, k: string, min: number): number[] => {
  const v = o[k];
  if (!Array.isArray(v) || v.length > 64) fail(`"${k}" should be a list of at most 64 integers, not ${short(v)}`);
  return (v as unknown[]).map((x, i) => {
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min) fail(`"${k}"[${i}] should be an integer${min === 0 ? ' ≥ 0' : ''}, not ${short(x)}`);
    return x as number;
  });
};
const bool = (o: Obj, k: string): boolean => {
  if (typeof o[k] !== 'boolean') fail(`"${k}" should be true or false, not ${short(o[k])}`);
  return o[k] as boolean;
};
const optString = (o: Obj, k: string): string | null => {
  const v = o[k];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') fail(`"${k}" should be a string, not ${short(v)}`);
  return v as string;
};

/** A value named in a message: JSON, cut short. */
function short(v: unknown): string {
  let s: string;
  try {
    s = v === undefined ? 'missing' : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** Check and decode a payload; the error names the first bad field. */
export function parseArrayPayload(x: unknown): Result<ArrayPayload> {
  try {
    return { ok: true, value: parse(x) };
  } catch (e) {
    if (e instanceof PayloadError) return { ok: false, error: `malformed array output: ${e.message}` };
    throw e;
  }
}

function parse(x: unknown): ArrayPayload {
  if (!isObj(x)) return fail(`expected an object, got ${short(x)}`);
  if (x.version !== 1) fail(`"version" should be 1, not ${short(x.version)} (a newer Stride Lens may read it)`);
  const unit = x.unit === 'bytes' || x.unit === 'elements' ? x.unit : fail(`"unit" should be "bytes" or "elements", not ${short(x.unit)}`);
  const itemsize = int(x, 'itemsize');
  const shape = ints(x, 'shape', 0);
  const strides = ints(x, 'strides', Number.MIN_SAFE_INTEGER);
  if (strides.length !== shape.length) fail(`"strides" has ${strides.length} entries for ${shape.length} dimensions`);
  const offset = int(x, 'offset', Number.MIN_SAFE_INTEGER);
  const step = unit === 'elements' ? itemsize : 1;
  const layout: Layout = { shape, strides: strides.map((s) => s * step), offset: offset * step, itemsize };
  const bad = layoutError(layout);
  if (bad) fail(bad);
  const dtypeNote = optString(x, 'dtypeNote');
  let dtype: Dtype | null = null;
  if (x.dtype !== null || dtypeNote === null) {
    if (typeof x.dtype !== 'string' && !Array.isArray(x.dtype)) fail(`"dtype" should be a NumPy type string or descr list, not ${short(x.dtype)}`);
    const d = parseDtype(x.dtype as string | DescrList);
    if (!d.ok) fail(`"dtype": ${d.error}`);
    dtype = (d as { value: Dtype }).value;
    if (dtype.itemsize !== itemsize) fail(`"itemsize" ${itemsize} differs from the dtype's ${dtype.itemsize}`);
    if (dtype.needsPickle) fail('object arrays are not shown (their elements are Python objects)');
  }
  const bufferBytes = int(x, 'bufferBytes');
  const bufferShape = x.bufferShape === undefined || x.bufferShape === null ? null : ints(x, 'bufferShape', 0);
  const data = x.data === null || x.data === undefined ? null : parseData(x.data, layout, dtype);
  return {
    name: optString(x, 'name'),
    dtype, dtypeNote, unit, itemsize, layout, strides, offset, bufferShape, bufferBytes,
    inBounds: bool(x, 'inBounds'),
    truncated: bool(x, 'truncated'),
    summary: parseSummary(x.summary),
    repr: optString(x, 'repr') ?? '',
    data,
    sample: data ? null : parseSample(x.sample, layout, dtype),
  };
}

function parseSample(x: unknown, layout: Layout, dtype: Dtype | null): ArrayPayload['sample'] {
  if (x === undefined || x === null) return null;
  if (!isObj(x)) return fail(`"sample" should be an object or null, not ${short(x)}`);
  const step = int(x, 'step', 1);
  const shape = ints(x, 'shape', 0);
  if (shape.length !== layout.shape.length) fail(`"sample.shape" has ${shape.length} dimensions for ${layout.shape.length}`);
  if (typeof x.base64 !== 'string') fail(`"sample.base64" should be a string, not ${short(x.base64)}`);
  const bytes = decodeBase64(x.base64 as string);
  if (!bytes) fail('"sample.base64" is not valid base64');
  const want = shape.reduce((a, b) => a * b, layout.itemsize);
  if (bytes!.length !== want) fail(`"sample" holds ${bytes!.length} bytes, not the ${want} of its shape`);
  if (!dtype) return null;
  const view: Layout = { shape, strides: cStrides(shape, layout.itemsize), offset: 0, itemsize: layout.itemsize };
  return { step, values: { array: memoryArray(bytes!, dtype), bytes: bytes!, view } };
}

function parseData(d: unknown, layout: Layout, dtype: Dtype | null): ArrayPayload['data'] {
  if (!isObj(d)) return fail(`"data" should be an object or null, not ${short(d)}`);
  const start = int(d, 'start');
  if (typeof d.base64 !== 'string') fail(`"data.base64" should be a string, not ${short(d.base64)}`);
  const bytes = decodeBase64(d.base64 as string);
  if (!bytes) fail('"data.base64" is not valid base64');
  if (!dtype) return null;
  const array = memoryArray(bytes!, dtype);
  return { array, bytes: bytes!, view: { ...layout, offset: layout.offset - start } };
}

function parseSummary(s: unknown): PayloadSummary | null {
  if (s === undefined || s === null) return null;
  if (!isObj(s)) return fail(`"summary" should be an object or null, not ${short(s)}`);
  const num = (k: string, exactInt: boolean): number | string | null => {
    const v = s[k];
    if (v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (exactInt && typeof v === 'string' && /^-?\d+$/.test(v)) return v;
    return fail(`"summary.${k}" should be a number or null, not ${short(v)}`);
  };
  return {
    min: num('min', true), max: num('max', true), mean: num('mean', false) as number | null, std: num('std', false) as number | null,
    nan: int(s, 'nan'), posinf: int(s, 'posinf'), neginf: int(s, 'neginf'),
  };
}

/** `bytes` read as a 1-d array of `dtype` (a header made in memory; its byte count is exact, not rounded to items). */
function memoryArray(bytes: Uint8Array, dtype: Dtype): NpyArray {
  const n = dtype.itemsize > 0 ? Math.floor(bytes.length / dtype.itemsize) : 0;
  const header: NpyHeader = {
    version: '1.0', descr: dtype.str, dtype, fortranOrder: false, shape: [n], dataOffset: 0,
    count: BigInt(n), nbytes: BigInt(bytes.length),
    layout: { shape: [n], strides: [dtype.itemsize], offset: 0, itemsize: dtype.itemsize }, headerText: '',
  };
  return { name: 'the output', header, source: memorySource(bytes) };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** Bytes to standard base64 (with padding). */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i;
    const v = (bytes[i]! << 16) | ((n > 1 ? bytes[i + 1]! : 0) << 8) | (n > 2 ? bytes[i + 2]! : 0);
    parts.push(B64[(v >> 18) & 63]! + B64[(v >> 12) & 63]! + (n > 1 ? B64[(v >> 6) & 63]! : '=') + (n > 2 ? B64[v & 63]! : '='));
  }
  return parts.join('');
}

/** Standard base64 (padding required, no whitespace) to bytes; `null` when it is not. */
export function decodeBase64(s: string): Uint8Array | null {
  if (s.length % 4 !== 0) return null;
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = s.charCodeAt(i + k);
      const last = i + 4 === s.length;
      if (c === 61 /* = */ && last && k >= 4 - pad) { v <<= 6; continue; }
      const d = c < 128 ? B64_VALUE[c]! : -1;
      if (d < 0) return null;
      v = (v << 6) | d;
    }
    if (o < out.length) out[o++] = (v >> 16) & 0xff;
    if (o < out.length) out[o++] = (v >> 8) & 0xff;
    if (o < out.length) out[o++] = v & 0xff;
  }
  return out;
}

/** The output's array as a `.npy` file (its values copied in C order), for *Save as .npy* and *Open in panel*. */
export function payloadNpy(p: ArrayPayload): Result<Uint8Array> {
  if (!p.dtype) return { ok: false, error: p.dtypeNote ?? 'the element type has no NumPy equivalent' };
  if (!p.data) return { ok: false, error: p.truncated ? 'the output does not carry its values (over the helper\'s size cap)' : 'the output carries no values' };
  const values = gatherView(p.data.bytes, p.data.view);
  if (!values.ok) return { ok: false, error: `the view reads memory the output does not carry: ${values.error}` };
  return npyBytes(p.dtype, p.layout.shape, values.value);
}
