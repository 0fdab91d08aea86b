/**
 * `stride-lens inspect FILE.npy|FILE.npz [--json]`: the header facts of a `.npy` file, or of
 * every member of a `.npz`, read without reading the data.
 *
 * JSON keys (one object for `.npy`): `file`, `version`, `descr`, `dtype`, `fortranOrder`,
 * `shape`, `strides`, `dataOffset`, `itemsize`, `nbytes` (a number, or a decimal string past
 * 2^53). For `.npz`: `file` and `members`, each with `name`, `key`, `compressed`,
 * `compressedSize`, `size` and either the keys above or `error`.
 * Exit status: 0 ok; 2 bad usage, an unreadable or malformed file, an object array, or any
 * `.npz` member that cannot be read (the listing is still printed).
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { jsonInteger, type Result } from '../engine/report';
import { groupDigits, printable } from '../engine/format';
import { shapeRepr, type NpyHeader } from '../npy/format';
import { openNpy } from '../npy/npy';
import { inspectNpz } from '../npy/zip';
import { openFileSource } from '../node/fileSource';
import { memorySource, type ByteSource } from '../npy/source';

/** Piped input is read into memory; more than this is refused (save it to a file instead). */
const MAX_STREAM_BYTES = 256 << 20;

function readStream(path: string, cap: number): Promise<Result<Uint8Array>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stream = createReadStream(path);
    stream.on('data', (c: string | Buffer) => {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      total += b.length;
      if (total > cap) {
        stream.destroy();
        resolve({ ok: false, error: `more than ${cap >> 20} MiB from a pipe or device: save it to a file and inspect that` });
        return;
      }
      chunks.push(b);
    });
    stream.on('error', (e) => resolve({ ok: false, error: `cannot read (${e.message})` }));
    stream.on('end', () => { const all = Buffer.concat(chunks); resolve({ ok: true, value: new Uint8Array(all.buffer, all.byteOffset, all.length) }); });
  });
}

const HELP = `usage: stride-lens inspect FILE.npy|FILE.npz [--json]

Prints the header of a .npy file (or of each member of a .npz) without reading its data:
dtype, shape, order, strides, itemsize, nbytes, format version and data offset.
  --json   print JSON with the keys version, descr, fortranOrder, shape, dataOffset, itemsize,
           nbytes (and members for a .npz)
Exit status 2 when the file is malformed, with the reason.`;

/** Header facts as the JSON keys documented above. */
export function headerJson(h: NpyHeader): Record<string, unknown> {
  return {
    version: h.version,
    descr: h.descr,
    dtype: h.dtype.name,
    fortranOrder: h.fortranOrder,
    shape: [...h.shape],
    strides: [...h.layout.strides],
    dataOffset: h.dataOffset,
    itemsize: h.dtype.itemsize,
    nbytes: jsonInteger(h.nbytes),
  };
}

function headerText(h: NpyHeader, indent: string): string[] {
  const order = h.dtype.byteOrder === '<' ? 'little-endian' : h.dtype.byteOrder === '>' ? 'big-endian' : 'byte order n/a';
  return [
    `${indent}dtype        ${h.dtype.str} (${h.dtype.name}, ${order})`,
    `${indent}shape        ${shapeRepr(h.shape)} · ${groupDigits(h.count)} elements`,
    `${indent}order        ${h.fortranOrder ? 'Fortran (column-major)' : 'C (row-major)'}`,
    `${indent}strides      ${shapeRepr(h.layout.strides)} bytes`,
    `${indent}itemsize     ${h.dtype.itemsize} B`,
    `${indent}nbytes       ${groupDigits(h.nbytes)} B`,
    `${indent}version      ${h.version}`,
    `${indent}data offset  ${h.dataOffset}`,
  ];
}

/** Run `inspect`; returns the exit status. */
export async function runInspect(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('--'));
  if (unknown) {
    console.error(`stride-lens inspect: unknown option '${unknown}'\n\n${HELP}`);
    return 2;
  }
  if (files.length !== 1) {
    console.error(`stride-lens inspect: expected one FILE, got ${files.length}\n\n${HELP}`);
    return 2;
  }
  const path = files[0]!;
  const name = basename(path);
  const fail = (msg: string): number => { console.error(`stride-lens inspect: ${printable(msg)}`); return 2; };
  let src: ByteSource & { close(): void };
  try {
    const st = statSync(path);
    if (st.isDirectory()) return fail(`${path} is a directory: give one .npy or .npz file`);
    if (st.isFile()) src = openFileSource(path);
    else {
      // A pipe or a device (`inspect /dev/stdin`): read it whole, up to a cap.
      const bytes = await readStream(path, MAX_STREAM_BYTES);
      if (!bytes.ok) return fail(`${path}: ${bytes.error}`);
      src = { ...memorySource(bytes.value), close: () => undefined };
    }
  } catch (e) {
    return fail(`cannot open ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const head = await src.read(0, 4);
    const isZip = head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
    if (!isZip && /\.npz$/i.test(name)) {
      const error = `${name}: not a .npz file: a .npz is a zip archive and this does not start with a zip signature (got ${src.size} bytes starting ${JSON.stringify(String.fromCharCode(...head))})`;
      if (json) console.log(JSON.stringify({ file: name, error }, null, 2));
      return fail(error);
    }
    if (!isZip) {
      const r = await openNpy(src, { name });
      if (!r.ok) {
        if (json) console.log(JSON.stringify({ file: name, error: r.error }, null, 2));
        return fail(r.error);
      }
      if (json) console.log(JSON.stringify({ file: name, ...headerJson(r.value.header) }, null, 2));
      else console.log([`${name}  (.npy)`, ...headerText(r.value.header, '  ')].map(printable).join('\n'));
      return 0;
    }
    const r = await inspectNpz(src, { name });
    if (!r.ok) {
      if (json) console.log(JSON.stringify({ file: name, error: r.error }, null, 2));
      return fail(r.error);
    }
    // Object members parse as headers but cannot be opened: report them as errors too.
    const members = r.value.map((m) => {
      const base = { name: m.member.name, key: m.member.key, compressed: m.member.compressed, compressedSize: m.member.compressedSize, size: m.member.size };
      if (m.header?.dtype.needsPickle) return { base, error: `${name}/${m.member.name}: object array (needs pickle; never unpickled)` };
      return m.header ? { base, header: m.header } : { base, error: m.error ?? 'unreadable' };
    });
    if (json) {
      console.log(JSON.stringify({ file: name, members: members.map((m) => ({ ...m.base, ...(m.header ? headerJson(m.header) : { error: m.error }) })) }, null, 2));
    } else {
      const lines = [`${name}  (.npz, ${members.length} member${members.length === 1 ? '' : 's'})`];
      for (const m of members) {
        lines.push(`  ${m.base.key}  (${m.base.name}, ${m.base.compressed ? `deflated ${groupDigits(m.base.compressedSize)} B` : 'stored'}, ${groupDigits(m.base.size)} B)`);
        if (m.header) lines.push(...headerText(m.header, '    '));
        else lines.push(`    error: ${m.error}`);
      }
      // Member names come from the archive: escaped, so none can forge a line or drive the terminal.
      console.log(lines.map(printable).join('\n'));
    }
    const bad = members.filter((m) => !m.header);
    for (const m of bad) fail(m.error);
    return bad.length ? 2 : 0;
  } finally {
    src.close();
  }
}
