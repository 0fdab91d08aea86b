/**
 * `src/npy` — reading `.npy` and `.npz` files, lazily, in pure TypeScript (no node, no DOM).
 *
 * How to use it (the viewer, the CLI and the benchmarks all go this way):
 *
 * 1. Get a `ByteSource` — `{ size, read(offset, length), readRanges?(ranges) }`. On node use
 *    `openFileSource(path)` from `src/node/fileSource.ts` (remember `close()`); for bytes in
 *    memory `memorySource(bytes)`; for a part of another source `sliceSource(src, start, n)`.
 * 2. `openNpy(src, { name })` → `Result<NpyArray>`: reads and checks the header only (magic,
 *    version 1.0/2.0/3.0, header literal, descr/fortran_order/shape), refuses object arrays
 *    (pickle) and truncated data. `arr.header` has `version`, `descr`, `dtype` (engine
 *    `Dtype`), `fortranOrder`, `shape`, `dataOffset`, `count`, `nbytes` (bigints) and
 *    `layout` (the strides NumPy gives it, offset 0 = first data byte).
 * 3. `readPage(arr, spec, view?)` → `Result<Page>`: the values of a rows × columns block of
 *    two axes (`spec.rowAxis`, `spec.colAxis`, `null` for none) with the other axes fixed at
 *    `spec.index`; only those elements' bytes are read. Pass `view` (a `Layout` over the same
 *    data bytes, e.g. from slicing `[3, :, ::2]`) to page through a view instead. Values are
 *    engine `Scalar`s (see `src/engine/gather.ts`), which may hold bigints: for a webview use
 *    `displayPage(dtype, page)` → `{ texts (NumPy's str() of each value), numbers (Float64Array
 *    for colours, NaN/±inf kept) }`, which has no bigints.
 * 4. `computeStats(arr, { signal, onProgress })` → `Result<ArrayStats>`: exact min, max,
 *    mean, std, NaN/±inf counts and a histogram over the whole array, chunk by chunk,
 *    cancellable (`signal.aborted`).
 * 5. `.npz`: `listNpz(src, { name })` → members (name, sizes, compressed or stored) without
 *    reading them; `openNpzMember(src, member)` → a `ByteSource` for the member's `.npy`
 *    bytes, to pass to `openNpy`; `inspectNpz` does both for every member. Stored members are
 *    random access; deflated members are inflated as a stream (fflate) only as far as asked.
 *    Members up to 64 MiB stay inflated whole once read; for larger ones the last 4 MiB are
 *    kept and a read before them re-inflates from the member's start (deflate has no random
 *    access — scrolling back in a huge compressed member costs a pass).
 *
 * No public function throws for bad input or I/O errors: each returns `{ ok: false, error }`
 * with a message that names the file and quotes the bad value.
 */
export type { ByteRange, ByteSource } from './source';
export { memorySource, readRanges, sliceSource } from './source';
export type { HeaderOptions, NpyHeader } from './format';
export { MAX_HEADER_SIZE, readNpyHeader, shapeRepr } from './format';
export type { NpyArray } from './npy';
export { openNpy, readPage } from './npy';
export type { DisplayPage } from '../engine/format';
export type { Page, PageSpec, Scalar } from '../engine/gather';
export { displayPage, formatFloat, formatScalar, scalarToNumber } from '../engine/format';
export type { NpzMemberInfo, ZipMember } from './zip';
export { inflateSource, inspectNpz, listNpz, openNpzMember } from './zip';
export type { ArrayStats, StatsOptions } from './stats';
export { computeStats } from './stats';
