// Kernel benchmarks (issue 12): WebAssembly SIMD kernels, in AssemblyScript (not TypeScript:
// `v128`, `f32x4`, `load<T>` are AssemblyScript builtins). scripts/build-wasm.mjs compiles this
// file to dist/bench-kernels.wasm; src/bench/wasm.ts instantiates it. Every pointer is a byte
// address in this module's memory of float32 arrays allocated with `alloc` (16-byte aligned);
// every size is in elements.

// ---------------------------------------------------------------------------------------------
// Memory: a bump allocator (the stub runtime's), reset as a whole.

/** Allocates `bytes` bytes, 16-byte aligned; grows memory when needed. */
export function alloc(bytes: usize): usize {
  return heap.alloc(bytes);
}

/** Frees everything `alloc` returned. */
export function reset(): void {
  heap.reset();
}

// ---------------------------------------------------------------------------------------------
// Copy: the bandwidth baseline (memory.copy is memmove in the engine).

export function copy(src: usize, dst: usize, n: i32): void {
  memory.copy(dst, src, <usize>n << 2);
}

// ---------------------------------------------------------------------------------------------
// Transpose: dst (cols x rows) = src (rows x cols)^T, both C-contiguous. Tiles of tile x tile
// elements (tile rounded down to a multiple of 4, clamped to 4..256). Each tile is read four
// src rows at a time, transposed in 4x4 blocks in registers (shuffles) into a contiguous
// scratch tile, then the scratch rows are copied to their dst rows. The scratch is what makes
// power-of-two sizes fast: written straight to dst, the 4x4 blocks of a tile land in dst rows
// a power of two apart, which all map to the same cache sets and evict each other (measured
// on 4096x4096: about 5 GB/s direct, 11 GB/s through the scratch). The edges that are not a
// multiple of 4 go element by element.

// @ts-ignore: decorator
@inline
function edges(src: usize, dst: usize, R: usize, C: usize, R4: usize, C4: usize): void {
  // Right edge: columns C4..C of rows 0..R4; bottom edge: rows R4..R, every column.
  for (let i: usize = 0; i < R4; i++) {
    for (let j = C4; j < C; j++) store<f32>(dst + ((j * R + i) << 2), load<f32>(src + ((i * C + j) << 2)));
  }
  for (let i = R4; i < R; i++) {
    for (let j: usize = 0; j < C; j++) store<f32>(dst + ((j * R + i) << 2), load<f32>(src + ((i * C + j) << 2)));
  }
}

const MAX_TILE: usize = 256;
const scratch = memory.data(<i32>(MAX_TILE * MAX_TILE * 4), 64);

export function transpose(src: usize, dst: usize, rows: i32, cols: i32, tile: i32): void {
  const R = <usize>rows;
  const C = <usize>cols;
  const R4 = R & ~3;
  const C4 = C & ~3;
  const T = min(MAX_TILE, <usize>max(4, tile & ~3));
  for (let ib: usize = 0; ib < R4; ib += T) {
    const ie = min(ib + T, R4);
    const ti = ie - ib; // tile rows (of src): the scratch's row length
    for (let jb: usize = 0; jb < C4; jb += T) {
      const je = min(jb + T, C4);
      // Transpose 4x4 blocks from src (4 rows at a time, read along the rows) into scratch
      // (je - jb) x ti, contiguous: no two of its rows alias in the cache.
      const tstride = ti << 2;
      for (let i = ib; i < ie; i += 4) {
        const s0 = src + ((i * C + jb) << 2);
        const s1 = s0 + (C << 2), s2 = s1 + (C << 2), s3 = s2 + (C << 2);
        let pt = scratch + ((i - ib) << 2);
        const span = (je - jb) << 2;
        for (let off: usize = 0; off < span; off += 16, pt += tstride << 2) {
          const r0 = v128.load(s0 + off);
          const r1 = v128.load(s1 + off);
          const r2 = v128.load(s2 + off);
          const r3 = v128.load(s3 + off);
          const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
          const t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
          const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
          const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
          v128.store(pt, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
          v128.store(pt + tstride, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7));
          v128.store(pt + 2 * tstride, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5));
          v128.store(pt + 3 * tstride, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7));
        }
      }
      // Then write each scratch row to its dst row, whole cache lines in order.
      let pt: usize = scratch;
      for (let j = jb; j < je; j++, pt += tstride) {
        const d = dst + ((j * R + ib) << 2);
        for (let k: usize = 0; k < tstride; k += 16) v128.store(d + k, v128.load(pt + k));
      }
    }
  }
  edges(src, dst, R, C, R4, C4);
}

// ---------------------------------------------------------------------------------------------
// conv2d, 3x3, valid, stride 1, channels last: img H x W x C, wt 3 x 3 x C x F,
// out (H-2) x (W-2) x F, out[y,x,f] = sum_{i,j,c} img[y+i,x+j,c] * wt[i,j,c,f].
// Direct convolution vectorised over F: a register block of 4 output pixels (x..x+3) by 8
// filters (two f32x4) accumulates over the 9*C taps, one weight load per 4 multiply-adds;
// then blocks of 1 pixel by 8, 4 and finally single filters for the remainders.

// @ts-ignore: decorator
@inline
function conv4x8(img: usize, wt: usize, out: usize, W: usize, C: usize, F: usize, y: usize, x: usize, f: usize): void {
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
  const px = C << 2; // bytes from one pixel to the next
  for (let i: usize = 0; i < 3; i++) {
    let p = img + (((y + i) * W + x) * C << 2);
    let q = wt + ((i * 3 * C * F + f) << 2);
    const taps = C * 3; // j and c run together: pixel x+j, channel c is p + (j*C + c)*4
    for (let k: usize = 0; k < taps; k++) {
      const w0 = v128.load(q);
      const w1 = v128.load(q, 16);
      const s0 = v128.load32_splat(p);
      const s1 = v128.load32_splat(p + px);
      const s2 = v128.load32_splat(p + 2 * px);
      const s3 = v128.load32_splat(p + 3 * px);
      a0 = f32x4.add(a0, f32x4.mul(s0, w0)); b0 = f32x4.add(b0, f32x4.mul(s0, w1));
      a1 = f32x4.add(a1, f32x4.mul(s1, w0)); b1 = f32x4.add(b1, f32x4.mul(s1, w1));
      a2 = f32x4.add(a2, f32x4.mul(s2, w0)); b2 = f32x4.add(b2, f32x4.mul(s2, w1));
      a3 = f32x4.add(a3, f32x4.mul(s3, w0)); b3 = f32x4.add(b3, f32x4.mul(s3, w1));
      p += 4;
      q += F << 2;
    }
  }
  const Wo = W - 2;
  const o = out + (((y * Wo + x) * F + f) << 2);
  const ostride = F << 2;
  v128.store(o, a0); v128.store(o, b0, 16);
  v128.store(o + ostride, a1); v128.store(o + ostride, b1, 16);
  v128.store(o + 2 * ostride, a2); v128.store(o + 2 * ostride, b2, 16);
  v128.store(o + 3 * ostride, a3); v128.store(o + 3 * ostride, b3, 16);
}

// @ts-ignore: decorator
@inline
function conv1x8(img: usize, wt: usize, out: usize, W: usize, C: usize, F: usize, y: usize, x: usize, f: usize): void {
  let a0 = f32x4.splat(0), b0 = f32x4.splat(0);
  for (let i: usize = 0; i < 3; i++) {
    let p = img + (((y + i) * W + x) * C << 2);
    let q = wt + ((i * 3 * C * F + f) << 2);
    const taps = C * 3;
    for (let k: usize = 0; k < taps; k++) {
      const s0 = v128.load32_splat(p);
      a0 = f32x4.add(a0, f32x4.mul(s0, v128.load(q)));
      b0 = f32x4.add(b0, f32x4.mul(s0, v128.load(q, 16)));
      p += 4;
      q += F << 2;
    }
  }
  const o = out + (((y * (W - 2) + x) * F + f) << 2);
  v128.store(o, a0); v128.store(o, b0, 16);
}

// @ts-ignore: decorator
@inline
function conv4x4(img: usize, wt: usize, out: usize, W: usize, C: usize, F: usize, y: usize, x: usize, f: usize): void {
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  const px = C << 2;
  for (let i: usize = 0; i < 3; i++) {
    let p = img + (((y + i) * W + x) * C << 2);
    let q = wt + ((i * 3 * C * F + f) << 2);
    const taps = C * 3;
    for (let k: usize = 0; k < taps; k++) {
      const w0 = v128.load(q);
      a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(p), w0));
      a1 = f32x4.add(a1, f32x4.mul(v128.load32_splat(p + px), w0));
      a2 = f32x4.add(a2, f32x4.mul(v128.load32_splat(p + 2 * px), w0));
      a3 = f32x4.add(a3, f32x4.mul(v128.load32_splat(p + 3 * px), w0));
      p += 4;
      q += F << 2;
    }
  }
  const o = out + (((y * (W - 2) + x) * F + f) << 2);
  const ostride = F << 2;
  v128.store(o, a0);
  v128.store(o + ostride, a1);
  v128.store(o + 2 * ostride, a2);
  v128.store(o + 3 * ostride, a3);
}

// @ts-ignore: decorator
@inline
function conv1x4(img: usize, wt: usize, out: usize, W: usize, C: usize, F: usize, y: usize, x: usize, f: usize): void {
  let a0 = f32x4.splat(0);
  for (let i: usize = 0; i < 3; i++) {
    let p = img + (((y + i) * W + x) * C << 2);
    let q = wt + ((i * 3 * C * F + f) << 2);
    const taps = C * 3;
    for (let k: usize = 0; k < taps; k++) {
      a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(p), v128.load(q)));
      p += 4;
      q += F << 2;
    }
  }
  v128.store(out + (((y * (W - 2) + x) * F + f) << 2), a0);
}

// @ts-ignore: decorator
@inline
function conv1x1(img: usize, wt: usize, out: usize, W: usize, C: usize, F: usize, y: usize, x: usize, f: usize): void {
  let a: f32 = 0;
  for (let i: usize = 0; i < 3; i++) {
    let p = img + (((y + i) * W + x) * C << 2);
    let q = wt + ((i * 3 * C * F + f) << 2);
    const taps = C * 3;
    for (let k: usize = 0; k < taps; k++) {
      a += load<f32>(p) * load<f32>(q);
      p += 4;
      q += F << 2;
    }
  }
  store<f32>(out + (((y * (W - 2) + x) * F + f) << 2), a);
}

export function conv2d(img: usize, h: i32, w: i32, c: i32, wt: usize, f: i32, out: usize): void {
  const H = <usize>h, W = <usize>w, C = <usize>c, F = <usize>f;
  if (H < 3 || W < 3) return;
  const Ho = H - 2, Wo = W - 2;
  const Wo4 = Wo & ~3;
  const F8 = F & ~7;
  const F4 = F & ~3;
  for (let y: usize = 0; y < Ho; y++) {
    for (let x: usize = 0; x < Wo4; x += 4) {
      for (let fi: usize = 0; fi < F8; fi += 8) conv4x8(img, wt, out, W, C, F, y, x, fi);
      if (F4 > F8) conv4x4(img, wt, out, W, C, F, y, x, F8);
      for (let fi = F4; fi < F; fi++) {
        for (let xx = x; xx < x + 4; xx++) conv1x1(img, wt, out, W, C, F, y, xx, fi);
      }
    }
    for (let x = Wo4; x < Wo; x++) {
      for (let fi: usize = 0; fi < F8; fi += 8) conv1x8(img, wt, out, W, C, F, y, x, fi);
      if (F4 > F8) conv1x4(img, wt, out, W, C, F, y, x, F8);
      for (let fi = F4; fi < F; fi++) conv1x1(img, wt, out, W, C, F, y, x, fi);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Max-pool 2x2, stride 2: src C x H x W, out C x H/2 x W/2 (H and W even).

export function maxpool2x2(src: usize, c: i32, h: i32, w: i32, out: usize): void {
  const C = <usize>c, H = <usize>h, W = <usize>w;
  const Ho = H >> 1, Wo = W >> 1;
  const Wo4 = Wo & ~3;
  for (let ch: usize = 0; ch < C; ch++) {
    for (let y: usize = 0; y < Ho; y++) {
      const r0 = src + (((ch * H + 2 * y) * W) << 2);
      const r1 = r0 + (W << 2);
      const o = out + (((ch * Ho + y) * Wo) << 2);
      for (let x: usize = 0; x < Wo4; x += 4) {
        const lo = f32x4.max(v128.load(r0 + (x << 3)), v128.load(r1 + (x << 3)));
        const hi = f32x4.max(v128.load(r0 + (x << 3), 16), v128.load(r1 + (x << 3), 16));
        const even = v128.shuffle<f32>(lo, hi, 0, 2, 4, 6);
        const odd = v128.shuffle<f32>(lo, hi, 1, 3, 5, 7);
        v128.store(o + (x << 2), f32x4.max(even, odd));
      }
      for (let x = Wo4; x < Wo; x++) {
        const a = max(load<f32>(r0 + (x << 3)), load<f32>(r0 + (x << 3), 4));
        const b = max(load<f32>(r1 + (x << 3)), load<f32>(r1 + (x << 3), 4));
        store<f32>(o + (x << 2), max(a, b));
      }
    }
  }
}
