/**
 * PyTorch's units: sizes, strides and `storage_offset` counted in elements, not bytes.
 *
 * NumPy layouts (`Layout`, bytes) and PyTorch views (`TorchView`, elements) stay separate
 * types so no caller can mix the two units by accident; these functions convert between
 * them and reproduce `torch.as_strided`'s checks and messages (torch 1.13): negative strides
 * are rejected, and the storage must hold `itemsize·(storage_offset + 1 + Σ stride·(size−1))`
 * bytes unless some size is 0.
 */
import type { Layout } from './layout';
import type { Result } from './report';

/** A PyTorch view: `size`, `stride` and `storageOffset` in elements of `itemsize` bytes. */
export interface TorchView {
  readonly size: readonly number[];
  readonly stride: readonly number[];
  readonly storageOffset: number;
  readonly itemsize: number;
}

/** The unit a layout is shown in: NumPy's bytes or PyTorch's elements. */
export type StrideUnit = 'bytes' | 'elements';

function safe(n: bigint, what: string): Result<number> {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
    ? { ok: true, value: Number(n) }
    : { ok: false, error: `${what} ${n} is too large to represent exactly` };
}

/** The same view in NumPy's units: strides and offset multiplied by the itemsize. */
export function torchToLayout(t: TorchView): Result<Layout> {
  if (t.size.length !== t.stride.length) return { ok: false, error: 'mismatch in length of strides and shape' };
  const strides: number[] = [];
  for (const [k, s] of t.stride.entries()) {
    const b = safe(BigInt(s) * BigInt(t.itemsize), `stride[${k}] in bytes`);
    if (!b.ok) return b;
    strides.push(b.value);
  }
  const offset = safe(BigInt(t.storageOffset) * BigInt(t.itemsize), 'storage offset in bytes');
  if (!offset.ok) return offset;
  return { ok: true, value: { shape: [...t.size], strides, offset: offset.value, itemsize: t.itemsize } };
}

/** The same view in PyTorch's units; an error names the stride or offset that is not a whole number of elements. */
export function layoutToTorch(l: Layout): Result<TorchView> {
  const i = l.itemsize;
  if (i <= 0) return { ok: false, error: `itemsize ${i} cannot count elements` };
  const bad = l.strides.findIndex((s) => s % i !== 0);
  if (bad >= 0) return { ok: false, error: `stride ${l.strides[bad]} B on dim ${bad} is not a whole number of ${i}-byte elements` };
  if (l.offset % i !== 0) return { ok: false, error: `offset ${l.offset} B is not a whole number of ${i}-byte elements` };
  return { ok: true, value: { size: [...l.shape], stride: l.strides.map((s) => s / i + 0), storageOffset: l.offset / i + 0, itemsize: i } };
}

const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;

/** Bytes of storage a view needs (torch's `computeStorageNbytes` plus the offset); 0 when some size is 0. */
export function torchStorageBytes(t: TorchView): bigint {
  let n = 1n;
  for (let k = 0; k < t.size.length; k++) {
    if (t.size[k] === 0) return 0n;
    n += BigInt(t.stride[k]!) * BigInt(t.size[k]! - 1);
  }
  return BigInt(t.itemsize) * (n + BigInt(t.storageOffset));
}

/** `torch.as_strided(base, size, stride, storage_offset)` over a storage of `storageBytes` bytes, with torch's error messages. */
export function torchAsStrided(
  storageBytes: bigint,
  itemsize: number,
  size: readonly number[],
  stride: readonly number[],
  storageOffset: number,
): Result<TorchView> {
  if (size.length !== stride.length) return { ok: false, error: 'mismatch in length of strides and shape' };
  if (stride.some((s) => s < 0)) return { ok: false, error: `as_strided: Negative strides are not supported at the moment, got strides: ${list(stride)}` };
  const zero = size.indexOf(0);
  const negative = size.findIndex((n) => n < 0);
  if (negative >= 0 && (zero < 0 || zero > negative)) {
    return { ok: false, error: `Storage size calculation overflowed with sizes=${list(size)} and strides=${list(stride)}` };
  }
  const view: TorchView = { size: [...size], stride: [...stride], storageOffset, itemsize };
  const need = zero >= 0 ? 0n : torchStorageBytes(view);
  if (need !== 0n && need > storageBytes) {
    return {
      ok: false,
      error: `setStorage: sizes ${list(size)}, strides ${list(stride)}, storage offset ${storageOffset}, and itemsize ${itemsize} requiring a storage size of ${need} are out of bounds for storage of size ${storageBytes}`,
    };
  }
  if (storageOffset < 0) return { ok: false, error: `Tensor: invalid storage offset ${storageOffset}` };
  return { ok: true, value: view };
}
