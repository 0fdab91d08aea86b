/**
 * Writing a `.npy` file: a view's elements copied in C order after a header NumPy's
 * `np.load` reads (`format.write_array`'s layout: magic, version, little-endian header length,
 * the header dict padded with spaces and a newline so the data starts on a 64-byte boundary).
 * Pure: bytes in, bytes out.
 */
import { descrToPython, dtypeDescr, type Dtype } from '../engine/dtype';
import { layoutError, type Layout } from '../engine/layout';
import type { Result } from '../engine/report';
import { MAGIC, shapeRepr } from './format';

/** The elements of `view` (a layout over `bytes`, offsets into them) copied in C order; an error when one lies outside `bytes`. */
export function gatherView(bytes: Uint8Array, view: Layout): Result<Uint8Array> {
  const bad = layoutError(view);
  if (bad) return { ok: false, error: bad };
  const { shape, strides, itemsize } = view;
  const count = shape.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(count * itemsize);
  if (count === 0) return { ok: true, value: out };
  const index = new Array<number>(shape.length).fill(0);
  let at = view.offset;
  for (let k = 0; k < count; k++) {
    if (at < 0 || at + itemsize > bytes.length) return { ok: false, error: `element [${index.join(', ')}] reads bytes ${at}…${at + itemsize} outside the ${bytes.length} bytes carried` };
    out.set(bytes.subarray(at, at + itemsize), k * itemsize);
    // Next index in C order, moving the address by the strides.
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a]! < shape[a]!) { at += strides[a]!; break; }
      at -= strides[a]! * (shape[a]! - 1);
      index[a] = 0;
    }
  }
  return { ok: true, value: out };
}

/** A `.npy` file of `dtype` and `shape` holding `data` (C order, `dtype`'s byte order). */
export function npyBytes(dtype: Dtype, shape: readonly number[], data: Uint8Array): Result<Uint8Array> {
  const dict = `{'descr': ${descrToPython(dtypeDescr(dtype))}, 'fortran_order': False, 'shape': ${shapeRepr(shape)}, }`;
  // Versions 1.0 and 2.0 are latin-1; field names beyond ASCII would need 3.0's UTF-8.
  if (!/^[\x20-\x7e]*$/.test(dict)) return { ok: false, error: 'field names outside printable ASCII cannot be written to .npy here' };
  // Version 1.0 has a 2-byte header length; a longer header (many fields) takes 2.0's 4 bytes.
  const fits = (prefix: number) => Math.ceil((prefix + dict.length + 1) / 64) * 64 - prefix;
  const v1 = fits(10) <= 0xffff;
  const prefix = v1 ? 10 : 12;
  const hlen = fits(prefix);
  const header = `${dict}${' '.repeat(hlen - dict.length - 1)}\n`;
  const out = new Uint8Array(prefix + hlen + data.length);
  out.set(MAGIC, 0);
  out[6] = v1 ? 1 : 2;
  for (let k = 0; k < prefix - 8; k++) out[8 + k] = Math.floor(hlen / 2 ** (8 * k)) & 0xff;
  for (let k = 0; k < hlen; k++) out[prefix + k] = header.charCodeAt(k);
  out.set(data, prefix + hlen);
  return { ok: true, value: out };
}
