// The WebAssembly SIMD kernels (src/bench/wasm/kernels.ts, issue 12) against plain TypeScript
// loops over the same formula inputs, at awkward sizes (edges that are not multiples of 4,
// filter counts that are not multiples of 4 or 8).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKernelsWasm } from '../../../scripts/build-wasm.mjs';
import { instantiateKernels, type WasmKernels } from '../../../src/bench/wasm';
import { fillInput, WEIGHT_SEED } from '../../../src/bench/inputs';

let K: WasmKernels;

beforeAll(async () => {
  K = instantiateKernels(await buildKernelsWasm());
}, 60_000);

function input(n: number, seed = undefined as undefined | { a: number; m: number }): Float32Array {
  return fillInput(new Float32Array(n), seed);
}

describe('wasm copy and transpose', () => {
  it('copies exactly', () => {
    for (const n of [0, 1, 3, 17, 1000]) {
      K.reset();
      const a = input(n);
      const src = K.alloc(n), dst = K.alloc(n);
      src.view().set(a);
      K.copy(src.ptr, dst.ptr, n);
      expect(Array.from(dst.view())).toEqual(Array.from(a));
    }
  });

  const shapes: [number, number][] = [[1, 1], [5, 3], [3, 5], [17, 33], [64, 64], [4, 9], [260, 7]];
  for (const [rows, cols] of shapes) {
    it(`transposes ${rows}x${cols} exactly for every tile`, () => {
      const a = input(rows * cols);
      const want = new Float32Array(rows * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) want[j * rows + i] = a[i * cols + j]!;
      for (const tile of [1, 4, 8, 13, 16, 64, 256, 4096]) {
        K.reset();
        const src = K.alloc(rows * cols), dst = K.alloc(rows * cols);
        src.view().set(a);
        dst.view().fill(Number.NaN);
        K.transpose(src.ptr, dst.ptr, rows, cols, tile);
        expect(Array.from(dst.view()), `tile ${tile}`).toEqual(Array.from(want));
      }
    });
  }

  it('views stay usable after memory grows', () => {
    K.reset();
    const a = K.alloc(4);
    a.view().set([1, 2, 3, 4]);
    const before = K.memory.buffer.byteLength;
    K.alloc(before); // 4 x the current size in bytes: forces memory.grow
    expect(K.memory.buffer.byteLength).toBeGreaterThan(before);
    expect(Array.from(a.view())).toEqual([1, 2, 3, 4]);
  });
});

describe('wasm conv2d', () => {
  function reference(img: Float32Array, h: number, w: number, c: number, wt: Float32Array, f: number): Float64Array {
    const ho = h - 2, wo = w - 2;
    const out = new Float64Array(ho * wo * f);
    for (let y = 0; y < ho; y++) for (let x = 0; x < wo; x++) for (let k = 0; k < f; k++) {
      let s = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let ch = 0; ch < c; ch++) {
        s += img[((y + i) * w + x + j) * c + ch]! * wt[((i * 3 + j) * c + ch) * f + k]!;
      }
      out[(y * wo + x) * f + k] = s;
    }
    return out;
  }

  const cases: [number, number, number, number][] = [[5, 5, 1, 1], [7, 6, 3, 5], [9, 9, 2, 8], [28, 28, 1, 32], [10, 11, 3, 13], [3, 3, 4, 4]];
  for (const [h, w, c, f] of cases) {
    it(`matches the loops at ${h}x${w}x${c}/${f}`, () => {
      K.reset();
      const img = input(h * w * c), wt = input(9 * c * f, WEIGHT_SEED);
      const pi = K.alloc(img.length), pw = K.alloc(wt.length), po = K.alloc((h - 2) * (w - 2) * f);
      pi.view().set(img);
      pw.view().set(wt);
      po.view().fill(Number.NaN);
      K.conv2d(pi.ptr, h, w, c, pw.ptr, f, po.ptr);
      const got = po.view(), want = reference(img, h, w, c, wt, f);
      // Relative to the sum of |terms| bound (sums near zero cancel).
      const scale = Math.max(...want.map(Math.abs), 1e-3);
      for (let k = 0; k < want.length; k++) {
        if (!(Math.abs(got[k]! - want[k]!) <= 1e-5 * scale)) expect.fail(`out[${k}] = ${got[k]}, want ${want[k]}`);
      }
    });
  }
});

describe('wasm maxpool2x2', () => {
  const cases: [number, number, number][] = [[1, 2, 2], [2, 4, 6], [3, 10, 18], [32, 26, 26], [1, 2, 34]];
  for (const [c, h, w] of cases) {
    it(`matches the loops at ${c}x${h}x${w}`, () => {
      K.reset();
      const src = input(c * h * w);
      const ho = h / 2, wo = w / 2;
      const want = new Float32Array(c * ho * wo);
      for (let ch = 0; ch < c; ch++) for (let y = 0; y < ho; y++) for (let x = 0; x < wo; x++) {
        const at = (i: number, j: number) => src[(ch * h + 2 * y + i) * w + 2 * x + j]!;
        want[(ch * ho + y) * wo + x] = Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1));
      }
      const ps = K.alloc(src.length), po = K.alloc(want.length);
      ps.view().set(src);
      K.maxpool2x2(ps.ptr, c, h, w, po.ptr);
      expect(Array.from(po.view())).toEqual(Array.from(want));
    });
  }
});
