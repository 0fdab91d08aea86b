/**
 * The benchmark kernels in TypeScript, over typed arrays (float32 in, float32 or float64 out).
 * Each suite has its naive version (the reference every other variant is checked against)
 * and the versions the seeds teach: windows through a strided view, blocking, running
 * algorithms. Pure: no node, no DOM. Layouts: conv image H×W×C and weights 3×3×C×F
 * (channels last), output (H-2)×(W-2)×F; pooling input C×H×W; matrices row-major.
 */

// ---- conv2d ----------------------------------------------------------------------------

/** out[y,x,f] = Σ_{i,j,c} img[y+i, x+j, c] · wt[i, j, c, f]: six nested loops, one output at a time. */
export function conv2dLoops(img: Float32Array, h: number, w: number, c: number, wt: Float32Array, f: number, out: Float32Array): void {
  const ho = h - 2, wo = w - 2;
  for (let y = 0; y < ho; y++) {
    for (let x = 0; x < wo; x++) {
      for (let k = 0; k < f; k++) {
        let acc = 0;
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) {
            for (let ch = 0; ch < c; ch++) acc += img[((y + i) * w + x + j) * c + ch]! * wt[((i * 3 + j) * c + ch) * f + k]!;
          }
        }
        out[(y * wo + x) * f + k] = acc;
      }
    }
  }
}

/**
 * Gathers a 5-d strided view (element strides) into a row-major matrix: rows are the view's
 * first two axes, columns its last three taken in the order `cols` names (im2col).
 */
export function gather5(src: Float32Array, offset: number, shape: readonly number[], strides: readonly number[], cols: readonly [number, number, number], out: Float32Array): void {
  const [n0, n1] = shape as [number, number];
  const [s0, s1] = strides as [number, number];
  const [a, b, d] = cols;
  const na = shape[a]!, nb = shape[b]!, nd = shape[d]!;
  const sa = strides[a]!, sb = strides[b]!, sd = strides[d]!;
  let o = 0;
  for (let i0 = 0; i0 < n0; i0++) {
    for (let i1 = 0; i1 < n1; i1++) {
      const base = offset + i0 * s0 + i1 * s1;
      for (let ia = 0; ia < na; ia++) {
        for (let ib = 0; ib < nb; ib++) {
          let p = base + ia * sa + ib * sb;
          for (let id = 0; id < nd; id++, p += sd) out[o++] = src[p]!;
        }
      }
    }
  }
}

/** out (m×n) = a (m×k) · b (k×n), row-major, blocked over rows and k; the inner loop runs along a row of b and out. */
export function matmulBlocked(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number, block = 64): void {
  out.fill(0, 0, m * n);
  for (let r0 = 0; r0 < m; r0 += block) {
    const r1 = Math.min(m, r0 + block);
    for (let k0 = 0; k0 < k; k0 += block) {
      const k1 = Math.min(k, k0 + block);
      for (let r = r0; r < r1; r++) {
        const orow = r * n;
        for (let kk = k0; kk < k1; kk++) {
          const v = a[r * k + kk]!;
          const brow = kk * n;
          for (let j = 0; j < n; j++) out[orow + j]! += v * b[brow + j]!;
        }
      }
    }
  }
}

/** Direct convolution without im2col: for each output pixel, each tap scales a row of weights into the F outputs. */
export function conv2dDirect(img: Float32Array, h: number, w: number, c: number, wt: Float32Array, f: number, out: Float32Array): void {
  const ho = h - 2, wo = w - 2;
  out.fill(0, 0, ho * wo * f);
  for (let y = 0; y < ho; y++) {
    for (let x = 0; x < wo; x++) {
      const o = (y * wo + x) * f;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const p = ((y + i) * w + x + j) * c;
          const q = (i * 3 + j) * c;
          for (let ch = 0; ch < c; ch++) {
            const v = img[p + ch]!;
            const wrow = (q + ch) * f;
            for (let k = 0; k < f; k++) out[o + k]! += v * wt[wrow + k]!;
          }
        }
      }
    }
  }
}

// ---- max-pool 2×2, stride 2 --------------------------------------------------------------

/** Loops over every output and its four inputs. */
export function maxpoolLoops(src: Float32Array, c: number, h: number, w: number, out: Float32Array): void {
  const ho = h >> 1, wo = w >> 1;
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < ho; y++) {
      for (let x = 0; x < wo; x++) {
        let m = -Infinity;
        for (let i = 0; i < 2; i++) {
          for (let j = 0; j < 2; j++) {
            const v = src[(ch * h + 2 * y + i) * w + 2 * x + j]!;
            if (v > m) m = v;
          }
        }
        out[(ch * ho + y) * wo + x] = m;
      }
    }
  }
}

/**
 * Max over the last `nw` axes of a strided windows view (element strides), written in order:
 * the pooling view's (C, H/2, W/2, 2, 2) walked by its strides, as NumPy's `.max(axis=(-2,-1))`.
 */
export function maxOverWindows(src: Float32Array, offset: number, shape: readonly number[], strides: readonly number[], out: Float32Array): void {
  const [n0, n1, n2, k0, k1] = shape as [number, number, number, number, number];
  const [s0, s1, s2, t0, t1] = strides as [number, number, number, number, number];
  let o = 0;
  for (let a = 0; a < n0; a++) {
    for (let b = 0; b < n1; b++) {
      for (let d = 0; d < n2; d++) {
        const base = offset + a * s0 + b * s1 + d * s2;
        let m = -Infinity;
        for (let i = 0; i < k0; i++) {
          for (let j = 0; j < k1; j++) {
            const v = src[base + i * t0 + j * t1]!;
            if (v > m) m = v;
          }
        }
        out[o++] = m;
      }
    }
  }
}

/** Two contiguous passes: the max of each pair of rows, then of each pair of neighbours in it. */
export function maxpoolRowPairs(src: Float32Array, c: number, h: number, w: number, out: Float32Array, row: Float32Array): void {
  const ho = h >> 1, wo = w >> 1;
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < ho; y++) {
      const r0 = (ch * h + 2 * y) * w, r1 = r0 + w;
      for (let x = 0; x < w; x++) row[x] = Math.max(src[r0 + x]!, src[r1 + x]!);
      const o = (ch * ho + y) * wo;
      for (let x = 0; x < wo; x++) out[o + x] = Math.max(row[2 * x]!, row[2 * x + 1]!);
    }
  }
}

// ---- transpose and traversal ------------------------------------------------------------

/** dst (cols×rows) = srcᵀ, reading src in order and writing dst with a stride of `rows`. */
export function transposeNaive(src: Float32Array, dst: Float32Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const r = i * cols;
    for (let j = 0; j < cols; j++) dst[j * rows + i] = src[r + j]!;
  }
}

/** dst = srcᵀ tile by tile, so both the rows read and the rows written of a tile stay in cache. */
export function transposeBlocked(src: Float32Array, dst: Float32Array, rows: number, cols: number, tile: number): void {
  for (let i0 = 0; i0 < rows; i0 += tile) {
    const i1 = Math.min(rows, i0 + tile);
    for (let j0 = 0; j0 < cols; j0 += tile) {
      const j1 = Math.min(cols, j0 + tile);
      for (let i = i0; i < i1; i++) {
        const r = i * cols;
        for (let j = j0; j < j1; j++) dst[j * rows + i] = src[r + j]!;
      }
    }
  }
}

/** Σ a in memory order (C order over a row-major matrix). */
export function sumCOrder(a: Float32Array, rows: number, cols: number): number {
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const r = i * cols;
    for (let j = 0; j < cols; j++) s += a[r + j]!;
  }
  return s;
}

/** Σ a column by column (F order over a row-major matrix): each step jumps a row. */
export function sumFOrder(a: Float32Array, rows: number, cols: number): number {
  let s = 0;
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) s += a[i * cols + j]!;
  }
  return s;
}

// ---- sliding windows over a signal --------------------------------------------------------

/** Sum of each window of the view (n-w+1, w) with element strides (step, step): O(n·w). */
export function rollingSumWindows(x: Float32Array, windows: number, w: number, s0: number, s1: number, out: Float64Array): void {
  for (let i = 0; i < windows; i++) {
    let acc = 0;
    const base = i * s0;
    for (let j = 0; j < w; j++) acc += x[base + j * s1]!;
    out[i] = acc;
  }
}

/** Running sum: add the element entering the window, drop the one leaving it (O(n)); exact
 * enough in float64 for these sizes (the check's tolerance scales with the window). */
export function rollingSumRunning(x: Float32Array, w: number, out: Float64Array): void {
  let acc = 0;
  for (let j = 0; j < w; j++) acc += x[j]!;
  out[0] = acc;
  const windows = x.length - w + 1;
  for (let i = 1; i < windows; i++) {
    acc += x[i + w - 1]! - x[i - 1]!;
    out[i] = acc;
  }
}

/** Max of each window of the view (n-w+1, w): O(n·w). */
export function rollingMaxWindows(x: Float32Array, windows: number, w: number, s0: number, s1: number, out: Float32Array): void {
  for (let i = 0; i < windows; i++) {
    let m = -Infinity;
    const base = i * s0;
    for (let j = 0; j < w; j++) {
      const v = x[base + j * s1]!;
      if (v > m) m = v;
    }
    out[i] = m;
  }
}

/** Running max with a monotonic deque of indices (O(n)); `deque` holds at least w + 1 slots. */
export function rollingMaxDeque(x: Float32Array, w: number, out: Float32Array, deque: Int32Array): void {
  let head = 0, tail = 0;
  const n = x.length, cap = deque.length;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    while (tail !== head && x[deque[(tail - 1 + cap) % cap]!]! <= v) tail = (tail - 1 + cap) % cap;
    deque[tail] = i;
    tail = (tail + 1) % cap;
    if (deque[head]! <= i - w) head = (head + 1) % cap;
    if (i >= w - 1) out[i - w + 1] = x[deque[head]!]!;
  }
}
