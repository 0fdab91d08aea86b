/**
 * `.npz` archives: a zip of `.npy` members (`np.savez` stores them, `np.savez_compressed`
 * deflates them). We read the central directory (zip64 too) to list members without reading
 * them, and give each member's bytes as a `ByteSource`: a slice of the archive for stored
 * members, a streaming inflater (fflate) for deflated ones.
 *
 * Zip layout used here (APPNOTE 6.3): local headers + data, then the central directory, then
 * (zip64) the zip64 end record and its locator, then the end-of-central-directory record
 * (22 bytes + a comment of up to 65535 bytes).
 */
import { Inflate } from 'fflate';
import type { Result } from '../engine/report';
import { readNpyHeader, truncationError, type HeaderOptions, type NpyHeader } from './format';
import { sliceSource, type ByteSource } from './source';

export interface ZipMember {
  /** Name in the archive (`x.npy`). */
  readonly name: string;
  /** The key `np.load(...)[key]` uses: the name without `.npy`. */
  readonly key: string;
  /** 0 stored, 8 deflated (others are listed but cannot be opened). */
  readonly method: number;
  readonly compressed: boolean;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Central directories above this are refused (a million members' worth). */
const MAX_CENTRAL_DIRECTORY = 256 * 1024 * 1024;

/** List the members of a zip/npz from its central directory, reading nothing else. */
export async function listNpz(src: ByteSource, opts: { name?: string } = {}): Promise<Result<ZipMember[]>> {
  const name = opts.name ?? 'archive';
  const bad = (msg: string): Result<ZipMember[]> => ({ ok: false, error: `${name}: ${msg}` });
  try {
    if (src.size < 22) return bad(`not a zip archive: ${src.size} bytes is too short for the end-of-central-directory record (22 bytes)`);
    const tailLen = Math.min(src.size, 22 + 65535);
    const tailStart = src.size - tailLen;
    const tail = await src.read(tailStart, tailLen);
    const tv = view(tail);
    let at = -1;
    for (let k = tail.length - 22; k >= 0; k--) {
      if (tv.getUint32(k, true) === EOCD && k + 22 + tv.getUint16(k + 20, true) <= tail.length) { at = k; break; }
    }
    if (at < 0) return bad('not a zip archive: no end-of-central-directory record');
    let count = tv.getUint16(at + 10, true);
    let cdSize = tv.getUint32(at + 12, true);
    let cdOffset = tv.getUint32(at + 16, true);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locAt = tailStart + at - 20;
      if (locAt < 0) return bad('zip64 archive without a zip64 locator');
      const loc = view(await src.read(locAt, 20));
      if (loc.byteLength < 20 || loc.getUint32(0, true) !== ZIP64_LOCATOR) return bad('zip64 archive without a zip64 locator');
      const recAt = u64(loc, 8);
      const rec = view(await src.read(recAt, 56));
      if (rec.byteLength < 56 || rec.getUint32(0, true) !== ZIP64_EOCD) return bad(`no zip64 end-of-central-directory record at offset ${recAt}`);
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
    if (cdSize > MAX_CENTRAL_DIRECTORY) return bad(`central directory of ${cdSize} bytes is too large`);
    if (cdOffset + cdSize > src.size) return bad(`central directory (${cdSize} bytes at ${cdOffset}) runs past the end of the file (${src.size} bytes)`);
    const cd = await src.read(cdOffset, cdSize);
    const cv = view(cd);
    const members: ZipMember[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cv.getUint32(p, true) !== CENTRAL) return bad(`central directory entry ${n} at offset ${cdOffset + p} is malformed`);
      const flags = cv.getUint16(p + 8, true);
      const method = cv.getUint16(p + 10, true);
      const crc32 = cv.getUint32(p + 16, true);
      let compressedSize = cv.getUint32(p + 20, true);
      let size = cv.getUint32(p + 24, true);
      const nameLen = cv.getUint16(p + 28, true);
      const extraLen = cv.getUint16(p + 30, true);
      const commentLen = cv.getUint16(p + 32, true);
      let localHeaderOffset = cv.getUint32(p + 42, true);
      const end = p + 46 + nameLen + extraLen + commentLen;
      if (end > cd.length) return bad(`central directory entry ${n} runs past the directory`);
      const rawName = cd.subarray(p + 46, p + 46 + nameLen);
      const memberName = flags & 0x800 ? utf8Lenient(rawName) : latin1(rawName);
      // Zip64 extra field: the 64-bit values, in order, for each 32-bit field that is 0xffffffff.
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
        const id = cv.getUint16(e, true);
        const len = cv.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff && q + 8 <= e + 4 + len) { size = u64(cv, q); q += 8; }
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) { compressedSize = u64(cv, q); q += 8; }
          if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) { localHeaderOffset = u64(cv, q); }
        }
        e += 4 + len;
      }
      if (flags & 1) return bad(`member '${memberName}' is encrypted`);
      members.push({
        name: memberName, key: memberName.endsWith('.npy') ? memberName.slice(0, -4) : memberName,
        method, compressed: method !== 0, compressedSize, size, crc32, localHeaderOffset,
      });
      p = end;
    }
    return { ok: true, value: members };
  } catch (e) {
    return bad(`cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The uncompressed bytes of one member as a source (stored: a slice; deflated: a streaming inflater). */
export async function openNpzMember(src: ByteSource, m: ZipMember, opts: { name?: string; budget?: InflateBudget } = {}): Promise<Result<ByteSource>> {
  const where = `${opts.name ?? 'archive'}/${m.name}`;
  try {
    const lh = view(await src.read(m.localHeaderOffset, 30));
    if (lh.byteLength < 30 || lh.getUint32(0, true) !== LOCAL) return { ok: false, error: `${where}: no local file header at offset ${m.localHeaderOffset}` };
    const dataStart = m.localHeaderOffset + 30 + lh.getUint16(26, true) + lh.getUint16(28, true);
    if (dataStart + m.compressedSize > src.size) {
      return { ok: false, error: `${where}: member data (${m.compressedSize} bytes at ${dataStart}) runs past the end of the archive (${src.size} bytes)` };
    }
    if (m.method === 0) return { ok: true, value: sliceSource(src, dataStart, m.size) };
    if (m.method === 8) return { ok: true, value: inflateSource(sliceSource(src, dataStart, m.compressedSize), m.size, { budget: opts.budget }) };
    return { ok: false, error: `${where}: compression method ${m.method} is not supported (only stored and deflated)` };
  } catch (e) {
    return { ok: false, error: `${where}: cannot read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export interface NpzMemberInfo {
  readonly member: ZipMember;
  readonly header?: NpyHeader;
  readonly error?: string;
}

/**
 * Inflated bytes one `inspectNpz` may produce over all its members: 1 GiB (a few seconds). A
 * header read inflates little (NumPy's all-zero 8192×8192 masks: about 66 KiB each), so only an
 * archive crafted to make every member expensive reaches it; its later members are then named
 * as not read.
 */
export const NPZ_INFLATE_BUDGET = 1024 * 1024 * 1024;

/** Inflated bytes still allowed, shared by the members of one archive. */
export interface InflateBudget { left: number; readonly total: number }

/** Every member with its `.npy` header (or the reason it has none), reading only the headers. */
export async function inspectNpz(src: ByteSource, opts: HeaderOptions & { inflateBudget?: number } = {}): Promise<Result<NpzMemberInfo[]>> {
  const list = await listNpz(src, opts);
  if (!list.ok) return list;
  const out: NpzMemberInfo[] = [];
  const total = opts.inflateBudget ?? NPZ_INFLATE_BUDGET;
  const budget: InflateBudget = { left: total, total };
  // Directory entries that point at the same stored bytes are read once (a crafted archive
  // can repeat one member thousands of times); errors are kept without the member's name.
  const seen = new Map<string, { header: NpyHeader } | { reason: string }>();
  for (const m of list.value) {
    const name = `${opts.name ?? 'archive'}/${m.name}`;
    const key = `${m.localHeaderOffset}:${m.method}:${m.compressedSize}:${m.size}`;
    let r = seen.get(key);
    if (!r) {
      r = await memberHeader(src, m, name, opts, budget);
      seen.set(key, r);
    }
    out.push('header' in r ? { member: m, header: r.header } : { member: m, error: `${name}: ${r.reason}` });
  }
  return { ok: true, value: out };
}

async function memberHeader(src: ByteSource, m: ZipMember, name: string, opts: HeaderOptions, budget: InflateBudget): Promise<{ header: NpyHeader } | { reason: string }> {
  const unnamed = (error: string): { reason: string } => ({ reason: error.startsWith(`${name}: `) ? error.slice(name.length + 2) : error });
  if (m.method === 8 && budget.left <= 0) return { reason: budgetSpent(budget) };
  const s = await openNpzMember(src, m, { ...opts, budget });
  if (!s.ok) return unnamed(s.error);
  const h = await readNpyHeader(s.value, { ...opts, name });
  if (!h.ok) return unnamed(h.error);
  // The directory knows the member's size: data cut short is an error here, as in a .npy.
  const short = truncationError(h.value, m.size);
  return short ? { reason: short } : { header: h.value };
}

function budgetSpent(b: InflateBudget): string {
  return `not read: this archive's headers needed more than ${b.total} inflated bytes, its limit (a guard against crafted archives)`;
}

/** Compressed bytes per push: small, since deflate can expand them up to 1032×. */
const COMPRESSED_CHUNK = 64 * 1024;
/** The smallest push: what a header read asks for (at most ~66 KiB inflated). */
const MIN_CHUNK = 64;
/** Inflated bytes kept behind the stream position, so nearby backward reads need no restart. */
const KEEP_BEHIND = 4 * 1024 * 1024;
/** Members up to this size stay inflated whole. */
const WHOLE_MEMBER = 64 * 1024 * 1024;

/**
 * A source over a raw-deflate stream of known uncompressed size. Reads inflate forward from
 * the current position. Members up to 64 MiB stay inflated whole; for larger ones the last
 * 4 MiB are kept, and a read before that restarts inflation from the member's start (deflate
 * has no random access). Reads are serialized.
 */
export function inflateSource(compressed: ByteSource, size: number, opts: { keepBehind?: number; wholeMember?: number; budget?: InflateBudget } = {}): ByteSource {
  const budget = opts.budget;
  // Members up to `wholeMember` bytes are kept whole once inflated: no read ever restarts.
  const keepBehind = size <= (opts.wholeMember ?? WHOLE_MEMBER) ? Infinity : opts.keepBehind ?? KEEP_BEHIND;
  let inflater: Inflate;
  let inPos = 0;
  let produced = 0;
  // Inflated chunks in order; chunks[head…] are kept, starts[k] is chunk k's offset.
  let chunks: (Uint8Array | undefined)[] = [];
  let starts: number[] = [];
  let head = 0;
  let failure: Error | undefined;
  const reset = (): void => {
    inPos = 0;
    produced = 0;
    chunks = [];
    starts = [];
    head = 0;
    failure = undefined;
    inflater = new Inflate((data) => {
      const room = size - produced;
      const d = data.length > room ? data.subarray(0, room) : data;
      if (budget) budget.left -= d.length;
      if (d.length) { chunks.push(d); starts.push(produced); produced += d.length; }
    });
  };
  reset();
  const windowStart = (): number => (head < starts.length ? starts[head]! : produced);
  let queue: Promise<unknown> = Promise.resolve();
  const readNow = async (offset: number, length: number): Promise<Uint8Array> => {
    const start = Math.max(0, Math.min(offset, size));
    const end = Math.max(start, Math.min(offset + length, size));
    if (start < windowStart()) reset();
    while (produced < end && inPos < compressed.size && !failure) {
      if (budget && budget.left <= 0) throw new Error(budgetSpent(budget));
      // Deflate can expand a chunk 1032×: push little when little is wanted (a header), more
      // as the request grows, so reading 128 header bytes never inflates tens of megabytes.
      const c = await compressed.read(inPos, Math.min(COMPRESSED_CHUNK, Math.max(MIN_CHUNK, (end - produced) >> 3)));
      if (c.length === 0) break;
      inPos += c.length;
      try {
        inflater.push(c, inPos >= compressed.size);
      } catch (e) {
        failure = e instanceof Error ? e : new Error(String(e));
      }
      // Let go of chunks that end before both the request and the kept window.
      const keepFrom = Math.min(start, produced - keepBehind);
      while (head < chunks.length - 1 && starts[head]! + chunks[head]!.length <= keepFrom) chunks[head++] = undefined;
      if (head > 4096) {
        chunks = chunks.slice(head);
        starts = starts.slice(head);
        head = 0;
      }
    }
    if (failure && produced < end) throw new Error(`corrupt deflate stream: ${failure.message}`);
    const stop = Math.min(end, produced);
    const out = new Uint8Array(Math.max(0, stop - start));
    // First kept chunk that ends after `start` (binary search), then copy forward.
    let lo = head;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! + chunks[mid]!.length <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < chunks.length && starts[k]! < stop; k++) {
      const c = chunks[k]!;
      const cs = starts[k]!;
      const from = Math.max(start, cs);
      const to = Math.min(stop, cs + c.length);
      out.set(c.subarray(from - cs, to - cs), from - start);
    }
    return out;
  };
  const read = (offset: number, length: number): Promise<Uint8Array> => {
    const next = queue.then(() => readNow(offset, length));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    size,
    read,
    readRanges: async (ranges) => {
      const order = ranges.map((_, k) => k).sort((a, b) => ranges[a]!.offset - ranges[b]!.offset);
      const out = new Array<Uint8Array>(ranges.length);
      for (const k of order) out[k] = await read(ranges[k]!.offset, ranges[k]!.length);
      return out;
    },
  };
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function u64(v: DataView, at: number): number {
  const n = v.getBigUint64(at, true);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

function utf8Lenient(b: Uint8Array): string {
  try {
    return decodeURIComponent(Array.from(b, (x) => `%${x.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return latin1(b);
  }
}
