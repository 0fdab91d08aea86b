/**
 * Kernel benchmarks (issue 12): the WebAssembly SIMD kernels (src/bench/wasm/kernels.ts,
 * compiled by scripts/build-wasm.mjs to dist/bench-kernels.wasm), instantiated synchronously
 * from their bytes. No node, no DOM: the runner's worker thread reads the file and passes the
 * bytes. Arrays live in the module's linear memory; kernels take their pointers.
 */

/**
 * The few WebAssembly JS API members used here. @types/node declares only an empty
 * `WebAssembly` namespace (the members come with lib.dom, which the node tsconfig lacks).
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: unknown };
}
const WA = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** A float32 array in wasm memory. */
export interface WasmArray {
  /** Byte address in the module's memory (16-byte aligned). */
  readonly ptr: number;
  /** Elements. */
  readonly length: number;
  /** A view of the elements; call again after any `alloc` (memory growth detaches old views). */
  view(): Float32Array;
}

export interface WasmKernels {
  readonly memory: WasmMemory;
  /** Allocates n float32 elements; their contents are unspecified (memory is reused after reset). */
  alloc(n: number): WasmArray;
  /** Frees every array allocated so far (their pointers become invalid). */
  reset(): void;
  /** dst[0..n) = src[0..n) (memory.copy). */
  copy(src: number, dst: number, n: number): void;
  /**
   * dst (cols x rows) = src (rows x cols)^T, C order, any rows and cols; tiles of tile x tile
   * (rounded down to a multiple of 4 and clamped to 4..256), transposed through a scratch tile.
   */
  transpose(src: number, dst: number, rows: number, cols: number, tile: number): void;
  /** 3x3 valid conv, channels last: img h x w x c, wt 3 x 3 x c x f, out (h-2) x (w-2) x f. */
  conv2d(img: number, h: number, w: number, c: number, wt: number, f: number, out: number): void;
  /** 2x2 max-pool, stride 2: src c x h x w (h, w even), out c x h/2 x w/2. */
  maxpool2x2(src: number, c: number, h: number, w: number, out: number): void;
}

interface Exports {
  memory: WasmMemory;
  alloc(bytes: number): number;
  reset(): void;
  copy(src: number, dst: number, n: number): void;
  transpose(src: number, dst: number, rows: number, cols: number, tile: number): void;
  conv2d(img: number, h: number, w: number, c: number, wt: number, f: number, out: number): void;
  maxpool2x2(src: number, c: number, h: number, w: number, out: number): void;
}

const MAX_BYTES = 2 ** 32;

/** Instantiates the kernels module (synchronously; fine off the main thread and for ~4 KB). */
export function instantiateKernels(bytes: Uint8Array): WasmKernels {
  const module = new WA.Module(bytes);
  const imports = {
    env: {
      abort(): never {
        throw new Error('bench-kernels.wasm aborted');
      },
    },
  };
  const ex = new WA.Instance(module, imports).exports as unknown as Exports;
  const memory = ex.memory;
  return {
    memory,
    alloc(n: number): WasmArray {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`alloc: ${n} is not a number of elements`);
      const bytes = n * 4;
      // The module's addresses are u32; memory.grow fails (a trap) past what the engine allows.
      if (memory.buffer.byteLength + bytes > MAX_BYTES) throw new RangeError(`alloc: ${n} float32 do not fit in wasm memory`);
      const ptr = ex.alloc(bytes) >>> 0;
      return { ptr, length: n, view: () => new Float32Array(memory.buffer, ptr, n) };
    },
    reset: () => ex.reset(),
    copy: (src, dst, n) => ex.copy(src, dst, n),
    transpose: (src, dst, rows, cols, tile) => ex.transpose(src, dst, rows, cols, tile),
    conv2d: (img, h, w, c, wt, f, out) => ex.conv2d(img, h, w, c, wt, f, out),
    maxpool2x2: (src, c, h, w, out) => ex.maxpool2x2(src, c, h, w, out),
  };
}
