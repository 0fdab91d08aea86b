/**
 * A `ByteSource` over a file on disk (node only; the pure reader in src/npy never imports this).
 * Reads are positioned reads on one open descriptor. Small reads (≤ 256 KiB) and batches of
 * small ranges are read synchronously, which is far cheaper than a thread-pool round trip
 * each; large reads go through the thread pool so the event loop stays free.
 */
import { closeSync, fstatSync, openSync, read as readAsync, readSync } from 'node:fs';
import type { ByteRange, ByteSource } from '../npy/source';

export interface FileSource extends ByteSource {
  readonly path: string;
  /** Close the file; reads after this reject. */
  close(): void;
}

const ASYNC_ABOVE = 256 * 1024;

function readLarge(fd: number, size: number, offset: number, length: number): Promise<Uint8Array> {
  const start = Math.max(0, Math.min(offset, size));
  const n = Math.max(0, Math.min(length, size - start));
  const buf = new Uint8Array(n);
  return new Promise((resolve, reject) => {
    const step = (done: number): void => {
      if (done >= n) { resolve(buf); return; }
      readAsync(fd, buf, done, n - done, start + done, (err, got) => {
        if (err) reject(err);
        else if (got === 0) resolve(buf.subarray(0, done));
        else step(done + got);
      });
    };
    step(0);
  });
}

/** Open `path` read-only as a byte source. Throws the usual node errors (ENOENT…) for the caller to report. */
export function openFileSource(path: string): FileSource {
  let fd: number | undefined = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const readOne = (r: ByteRange): Uint8Array => {
    if (fd === undefined) throw new Error(`${path} is closed`);
    const offset = Math.max(0, Math.min(r.offset, size));
    const length = Math.max(0, Math.min(r.length, size - offset));
    const buf = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return done === length ? buf : buf.subarray(0, done);
  };
  return {
    path,
    size,
    read: (offset, length) => {
      if (length > ASYNC_ABOVE && fd !== undefined) return readLarge(fd, size, offset, length);
      try {
        return Promise.resolve(readOne({ offset, length }));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    readRanges: (ranges) => {
      try {
        return Promise.resolve(ranges.map(readOne));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
