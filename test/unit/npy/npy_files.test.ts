import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dtypeDescr } from '../../../src/engine/dtype';
import { openNpy } from '../../../src/npy/npy';
import { openFileSource } from '../../../src/node/fileSource';
import { encode, loadExpected, NPY_DIR, readAll } from './helpers';

const expected = loadExpected();

describe('.npy files written by NumPy', () => {
  it('has every family', () => expect(expected.files.length).toBeGreaterThan(60));
  for (const e of expected.files) {
    const refused = e.numpy_error !== undefined || e.file.startsWith('bad_');
    it(`${e.file}: ${refused ? 'refused' : 'header, data offset and values match NumPy'}`, async () => {
      const src = openFileSource(join(NPY_DIR, e.file));
      try {
        const r = await openNpy(src, { name: e.file });
        if (refused) {
          expect(r.ok, `NumPy: ${e.numpy_error}`).toBe(false);
          if (!r.ok) expect(r.error.startsWith(`${e.file}: `), r.error).toBe(true);
          return;
        }
        if (!r.ok) throw new Error(r.error);
        const h = r.value.header;
        expect({ version: h.version, descr: dtypeDescr(h.dtype), fortranOrder: h.fortranOrder, shape: h.shape, dataOffset: h.dataOffset, itemsize: h.dtype.itemsize, nbytes: Number(h.nbytes) })
          .toEqual({ version: e.version, descr: e.descr, fortranOrder: e.fortran_order, shape: e.shape, dataOffset: e.data_offset, itemsize: e.itemsize, nbytes: e.nbytes });
        const values = await readAll(r.value);
        expect(values.map((v) => encode(h.dtype, v))).toEqual(e.values);
      } finally {
        src.close();
      }
    });
  }
});

describe('refusals say why', () => {
  const cases: [string, string][] = [
    ['bad_truncated_data.npy', 'shape (1000, 1000) float32 needs 4\u2009000\u2009000 data bytes; the file has 3\u2009999\u2009872'],
    ['object.npy', 'never unpickles'],
    ['object_field.npy', 'never unpickles'],
    ['bad_negative_shape.npy', 'shape is not valid: (-1,)'],
    ['bad_shape_float.npy', 'shape is not valid: (3.0,)'],
    ['bad_fortran_int.npy', 'fortran_order is not a valid bool: 0'],
    ['bad_descr.npy', "'<f33'"],
    ['bad_extra_key.npy', "'x'"],
    ['bad_magic.npy', "b'\\x93NUMPZ'"],
    ['bad_version.npy', '4.0'],
    ['bad_eval_attempt.npy', '__import__'],
    ['wide_header_v2.npy', 'limit'],
    ['bad_utf8_v3.npy', 'UTF-8'],
  ];
  for (const [file, words] of cases) {
    it(file, async () => {
      const src = openFileSource(join(NPY_DIR, file));
      const r = await openNpy(src, { name: file });
      src.close();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(words);
    });
  }
});
