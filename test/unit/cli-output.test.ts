// The CLI's stdout writer (src/cli/output.ts): lines gathered into bounded chunks and written
// synchronously, so a slow pipe reader cannot make the output pile up in memory (issue 13, item 6).
import { describe, expect, it } from 'vitest';
import { lineWriter } from '../../src/cli/output';

type Write = (fd: number, buffer: Buffer, offset: number, length: number) => number;

function fake(behaviour: (call: number, length: number) => number | string) {
  const written: Buffer[] = [];
  let calls = 0;
  const write: Write = (_fd, buffer, offset, length) => {
    const r = behaviour(calls++, length);
    if (typeof r === 'string') throw Object.assign(new Error(r), { code: r });
    written.push(Buffer.from(buffer.subarray(offset, offset + r)));
    return r;
  };
  return { write: write as never, text: () => Buffer.concat(written).toString('utf8'), calls: () => calls, chunks: written };
}

const lines = Array.from({ length: 20000 }, (_, i) => `line ${i} ${'é'.repeat(i % 50)} 🙂`);

describe('lineWriter', () => {
  it('writes every line, in order, in chunks of about 64 KiB (never all at the end)', () => {
    const f = fake((_c, n) => n);
    const w = lineWriter(1, f.write);
    for (const l of lines) w.line(l);
    const beforeFlush = f.chunks.length;
    w.flush();
    expect(f.text()).toBe(lines.map((l) => `${l}\n`).join(''));
    expect(beforeFlush).toBeGreaterThan(3);
    expect(Math.max(...f.chunks.map((c) => c.length))).toBeLessThan(4 * 64 * 1024);
  });

  it('a full pipe (EAGAIN) and short writes are retried until every byte is out', () => {
    const f = fake((c, n) => (c % 3 === 0 ? 'EAGAIN' : Math.max(1, n >> 1)));
    const w = lineWriter(1, f.write);
    for (const l of lines.slice(0, 400)) w.line(l);
    w.flush();
    expect(f.text()).toBe(lines.slice(0, 400).map((l) => `${l}\n`).join(''));
  });

  it('a reader that went away (EPIPE) ends the output quietly', () => {
    const f = fake((c, n) => (c >= 1 ? 'EPIPE' : n));
    const w = lineWriter(1, f.write);
    expect(() => { for (const l of lines) w.line(l); w.flush(); }).not.toThrow();
    expect(f.calls()).toBe(2);
  });

  it('other write errors are not swallowed', () => {
    const w = lineWriter(1, fake(() => 'EIO').write);
    w.line('x');
    expect(() => w.flush()).toThrow(/EIO/);
  });
});
