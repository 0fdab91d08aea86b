/**
 * Where bytes come from. The reader never sees a file handle: it asks a `ByteSource` for
 * ranges, so the same code runs on a file (node), a zip member, or bytes in memory.
 */

/** A random-access, read-only byte source of known size. */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /**
   * The bytes `[offset, offset + length)`, cut short at `size` (never padded). May reject on
   * an I/O error; the reader turns that into an error value.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Optional batch read of many small ranges (one round trip); each answer as `read` gives it. */
  readRanges?(ranges: readonly ByteRange[]): Promise<Uint8Array[]>;
}

export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

/** A source over bytes already in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(clamp(offset, bytes.length), clamp(offset + length, bytes.length))),
  };
}

/** The part `[start, start + size)` of another source, as a source of its own. */
export function sliceSource(base: ByteSource, start: number, size: number): ByteSource {
  const n = Math.max(0, Math.min(size, base.size - start));
  const fix = (r: ByteRange): ByteRange => {
    const o = clamp(r.offset, n);
    return { offset: start + o, length: clamp(o + Math.max(0, r.length), n) - o };
  };
  const src: ByteSource = {
    size: n,
    read: (offset, length) => {
      const r = fix({ offset, length });
      return base.read(r.offset, r.length);
    },
  };
  if (base.readRanges) {
    const batch = base.readRanges.bind(base);
    return { ...src, readRanges: (ranges) => batch(ranges.map(fix)) };
  }
  return src;
}

/** Read many ranges, in one batch when the source supports it. */
export function readRanges(src: ByteSource, ranges: readonly ByteRange[]): Promise<Uint8Array[]> {
  if (src.readRanges) return src.readRanges(ranges);
  return Promise.all(ranges.map((r) => src.read(r.offset, r.length)));
}

function clamp(x: number, n: number): number {
  return Math.min(Math.max(0, x), n);
}
