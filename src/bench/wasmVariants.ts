/**
 * The WebAssembly SIMD variants (./wasm.ts) of each suite, added to the TypeScript ones:
 * inputs copied into wasm memory once, outputs read from it. Pure.
 */
import type { SuiteInstance, Variant } from './suites';
import { sweepTile } from './suites';
import type { WasmKernels } from './wasm';

/** Tiles the wasm transpose's sweep tries (it rounds to multiples of 4, at most 256). */
const WASM_TILES = [16, 32, 64, 96, 128, 256];

export function wasmVariants(k: WasmKernels, suite: SuiteInstance): Variant[] {
  k.reset();
  const load = (x: Float32Array) => {
    const a = k.alloc(x.length);
    a.view().set(x);
    return a;
  };
  const { params } = suite;
  switch (params.suite) {
    case 'conv2d': {
      const { h, w, c, f } = params.p;
      const img = load(suite.input), wt = load(suite.weights!);
      const out = k.alloc((h - 2) * (w - 2) * f);
      return [{
        name: 'wasm SIMD direct (4 pixels x 8 filters per block)', computes: 'conv', engine: 'wasm', bytes: null, macs: (h - 2) * (w - 2) * f * 9 * c,
        run: () => k.conv2d(img.ptr, h, w, c, wt.ptr, f, out.ptr), output: () => out.view(),
      }];
    }
    case 'maxpool': {
      const { c, h, w } = params.p;
      const x = load(suite.input);
      const out = k.alloc(c * (h / 2) * (w / 2));
      return [{
        name: 'wasm SIMD max-pool', computes: 'pool', engine: 'wasm', bytes: (x.length + out.length) * 4, macs: null,
        run: () => k.maxpool2x2(x.ptr, c, h, w, out.ptr), output: () => out.view(),
      }];
    }
    case 'transpose': {
      const { rows, cols } = params.p;
      const a = load(suite.input);
      const dst = k.alloc(rows * cols);
      let tile = 64;
      return [{
        get name() { return `wasm SIMD blocked transpose (tile ${tile})`; },
        computes: 'transpose', engine: 'wasm', bytes: 2 * a.length * 4, macs: null,
        run: () => k.transpose(a.ptr, dst.ptr, rows, cols, tile),
        output: () => dst.view(),
        tune(now: () => number) { tile = sweepTile((t) => k.transpose(a.ptr, dst.ptr, rows, cols, t), now, WASM_TILES); },
      }];
    }
    case 'window':
      return [];
  }
}
