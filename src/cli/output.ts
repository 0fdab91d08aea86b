/**
 * Line output for the CLI that never piles up in memory. `console.log` to a pipe whose reader
 * is slower than the writer (`stride-lens check --format json … | tee`, a CI runner) queues
 * every write in the process: 50,000 calls of JSON held about 350 MB more than the same run
 * writing to a file. This writer gathers lines into 64 KiB chunks and writes each chunk
 * synchronously, waiting (without spinning) while the pipe is full. A reader that goes away
 * (`| head`) ends the output quietly instead of raising EPIPE.
 */
import { writeSync } from 'node:fs';

const CHUNK = 64 * 1024;

export interface LineWriter {
  /** Append one line (a newline is added). */
  readonly line: (text: string) => void;
  /** Write out what is gathered; call before the process ends. */
  readonly flush: () => void;
}

export function lineWriter(fd: number, write: typeof writeSync = writeSync): LineWriter {
  let parts: string[] = [];
  let size = 0;
  let closed = false;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const flush = (): void => {
    if (parts.length === 0) return;
    const bytes = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    size = 0;
    let at = 0;
    while (!closed && at < bytes.length) {
      try {
        at += write(fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
        else if (code === 'EPIPE') closed = true;
        else throw e;
      }
    }
  };
  return {
    line: (text) => {
      if (closed) return;
      parts.push(text, '\n');
      size += text.length + 1;
      if (size >= CHUNK) flush();
    },
    flush,
  };
}
