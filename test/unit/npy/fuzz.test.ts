// Fuzzing the reader: mutated headers, truncated files and damaged archives must each give a
// valid parse or a clear error value — never an exception, never a hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePyLiteral, pyRepr, type PyValue } from '../../../src/npy/literal';
import { openNpy, readPage } from '../../../src/npy/npy';
import { memorySource } from '../../../src/npy/source';
import { listNpz, openNpzMember } from '../../../src/npy/zip';
import { NPY_DIR } from './helpers';

const SEED = 20261123;
const seeds = ['float_f4.npy', 'struct_nested.npy', 'fortran_i2_4d.npy', 'version_3_0_unicode_fields.npy', 'str_U3_be.npy', 'zero_d_i8.npy', 'hand_py2_long.npy']
  .map((f) => new Uint8Array(readFileSync(join(NPY_DIR, f))));

/** Opens and, when that works, reads the first page; returns the error text or 'ok'. */
async function exercise(bytes: Uint8Array): Promise<string> {
  const r = await openNpy(memorySource(bytes), { name: 'fuzz.npy' });
  if (!r.ok) return r.error;
  const nd = r.value.header.shape.length;
  const p = await readPage(r.value, {
    rowAxis: nd >= 2 ? nd - 2 : null, colAxis: nd >= 1 ? nd - 1 : null, index: new Array<number>(nd).fill(0),
    rowStart: 0, rowCount: 4, colStart: 0, colCount: 4,
  });
  return p.ok ? 'ok' : p.error;
}

function checkOutcome(out: string): void {
  expect(out === 'ok' || (out.startsWith('fuzz.npy: ') && out.length > 'fuzz.npy: '.length + 5), out).toBe(true);
  // A message names the bad value: no JavaScript error text, no raw control bytes.
  // eslint-disable-next-line no-control-regex
  expect(out, out).not.toMatch(/BigInt|TypeError|RangeError|serialize|undefined|[\u0000-\u0008\u000b-\u001f]/);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(400), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(400), text: fc.constantFrom('(', ')', '[', ']', '{', '}', "'", '"', ',', ':', '-', 'L', '\\', 'True', 'None', '1e999', '0x', '(((((', '\n', '\u00e9', '99999999999999999999',
    // Classes from the issue 13 fuzz run: Python's number grammar, control bytes and padding.
    '1__0', '0x_', '0x_1f', '3l', '3L', '1_000', '\v', '\0', '\x1b', '9007199254740993', '#', "b'", '\\N{', '\\101') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(400), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(600) }),
  fc.record({ kind: fc.constant('hlen' as const), value: fc.nat(0xffff) }),
);

interface Mutation { kind: string; at?: number; value?: number; text?: string; n?: number }

function mutate(src: Uint8Array, muts: readonly Mutation[]): Uint8Array {
  let b = Array.from(src);
  for (const m of muts) {
    const at = Math.min(m.at ?? 0, b.length);
    if (m.kind === 'flip' && at < b.length) b[at] = m.value!;
    if (m.kind === 'insert') b.splice(at, 0, ...Array.from(m.text!, (c) => c.charCodeAt(0) & 0xff));
    if (m.kind === 'delete') b.splice(at, m.n!);
    if (m.kind === 'truncate') b = b.slice(0, at);
    if (m.kind === 'hlen' && b.length > 10) { b[8] = m.value! & 0xff; b[9] = m.value! >> 8; }
  }
  return new Uint8Array(b);
}

describe('fuzzing the .npy reader', () => {
  it('thousands of mutated headers and truncations: a parse or a named error, never a throw', async () => {
    let ok = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (k, muts) => {
        const out = await exercise(mutate(seeds[k]!, muts));
        checkOutcome(out);
        if (out === 'ok') ok++; else refused++;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // Both outcomes happen: the mutations are neither all harmless nor all fatal.
    expect(ok).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it('every truncation of a valid file is refused with a reason', async () => {
    const full = seeds[0]!;
    for (let n = 0; n < full.length; n++) {
      const out = await exercise(full.subarray(0, n));
      expect(out, `truncated to ${n} bytes`).not.toBe('ok');
      checkOutcome(out);
    }
    expect(await exercise(full)).toBe('ok');
  });

  it('random header text: a parse or an error', async () => {
    const token = fc.constantFrom("{'descr': ", "'<f4'", "'fortran_order': ", 'False', 'True', "'shape': ", '(', ')', ',', '3', '-1', '[', ']', ' ', '}', "'", '\\x', 'None', '2L', ':', '"', '1.5', "'|O'", "[('a', '<i4')]");
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 30 }), async (toks) => {
        const h = new TextEncoder().encode(toks.join(''));
        const bytes = new Uint8Array(10 + h.length + 16);
        bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, h.length & 0xff, h.length >> 8]);
        bytes.set(h, 10);
        checkOutcome(await exercise(bytes));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('deep nesting and huge inputs stay bounded', async () => {
    for (const text of ['('.repeat(5000), '['.repeat(100000), "'".repeat(9001), `${'-'.repeat(50000)}1`]) {
      const r = parsePyLiteral(text);
      expect(r.ok).toBe(false);
    }
    const wide = parsePyLiteral(`{'shape': (${'1,'.repeat(40000)})}`);
    expect(wide.ok).toBe(true);
  });
});

describe('the literal parser', () => {
  const leaf: fc.Arbitrary<PyValue> = fc.oneof(fc.boolean(), fc.constant(null), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.string({ maxLength: 8 }));
  const value = fc.letrec<{ v: PyValue }>((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, leaf,
      fc.array(tie('v'), { maxLength: 4 }).map((items): PyValue => ({ kind: 'tuple', items })),
      fc.array(tie('v'), { maxLength: 4 }).map((items): PyValue => ({ kind: 'list', items })),
      fc.uniqueArray(fc.tuple(fc.string({ maxLength: 5 }), tie('v')), { maxLength: 4, selector: (e) => e[0] })
        .map((entries): PyValue => ({ kind: 'dict', entries }))),
  })).v;
  it('reads back what Python would print (repr round trip)', () => {
    fc.assert(fc.property(value, (v) => {
      const r = parsePyLiteral(pyRepr(v));
      expect(r).toEqual({ ok: true, value: v });
    }), { seed: SEED, numRuns: 1000 });
  });
});

describe('fuzzing the .npz reader', () => {
  const archives = ['stored.npz', 'deflated.npz', 'zip64.npz'].map((f) => new Uint8Array(readFileSync(join(NPY_DIR, f))));
  it('damaged archives: members or a named error, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(archives.length - 1), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.double({ min: 0.5, max: 1, noNaN: true }), async (k, flips, keep) => {
        const b = archives[k]!.slice(0, Math.max(0, Math.floor(archives[k]!.length * keep)));
        for (const [where, v] of flips) if (b.length) b[Math.min(b.length - 1, Math.floor(where * b.length))] = v;
        const src = memorySource(b);
        const list = await listNpz(src, { name: 'fuzz.npz' });
        if (!list.ok) { expect(list.error.startsWith('fuzz.npz: ')).toBe(true); return; }
        for (const m of list.value) {
          const s = await openNpzMember(src, m, { name: 'fuzz.npz' });
          if (!s.ok) continue;
          const arr = await openNpy(s.value, { name: 'fuzz.npy' }).catch((e: unknown) => ({ ok: false as const, error: `fuzz.npy: threw ${String(e)}` }));
          if (!arr.ok) { expect(arr.error).not.toContain('threw'); continue; }
          const nd = arr.value.header.shape.length;
          const p = await readPage(arr.value, { rowAxis: null, colAxis: nd ? nd - 1 : null, index: new Array<number>(nd).fill(0), rowStart: 0, rowCount: 1, colStart: 0, colCount: 3 });
          expect(p.ok || p.error.startsWith('fuzz.npy: ')).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('fuzzing .npz archives of the issue 13 classes', () => {
  const npy = seeds[0]!;
  it('cut-short members, repeated directory entries and highly compressible members: a header or a named error', async () => {
    const { zipSync } = await import('fflate');
    const { inspectNpz } = await import('../../../src/npy/zip');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ cut: fc.nat(npy.length), zeros: fc.nat(1 << 20), level: fc.constantFrom(0 as const, 9 as const) }), { minLength: 1, maxLength: 4 }),
        fc.nat(50),
        fc.constantFrom(undefined, 1024, 64 * 1024),
        async (members, repeat, inflateBudget) => {
          const files: Record<string, [Uint8Array, { level: 0 | 9 }]> = {};
          members.forEach((m, k) => {
            // A valid header followed by `zeros` zero bytes, or the file cut at `cut`.
            const body = m.cut < npy.length ? npy.subarray(0, m.cut) : new Uint8Array([...npy.subarray(0, 128), ...new Uint8Array(m.zeros)]);
            files[`m${k}.npy`] = [body, { level: m.level }];
          });
          let zip: Uint8Array = zipSync(files);
          if (repeat > 0) zip = repeatFirstEntry(zip, repeat);
          // A small inflation budget (issue 13, item 12) must give named errors, never a throw.
          const r = await inspectNpz(memorySource(zip), { name: 'fuzz.npz', inflateBudget });
          if (!r.ok) { expect(r.error.startsWith('fuzz.npz')).toBe(true); return; }
          for (const m of r.value) {
            if (m.header) continue;
            expect(m.error!.startsWith('fuzz.npz/'), m.error).toBe(true);
            expect(m.error).not.toMatch(/BigInt|TypeError|RangeError/);
          }
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});

/** The archive with its first central-directory entry repeated `n` more times. */
function repeatFirstEntry(zip: Uint8Array, n: number): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd > 0 && v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const cdOff = v.getUint32(eocd + 16, true);
  const count = v.getUint16(eocd + 10, true);
  const first = 46 + v.getUint16(cdOff + 28, true) + v.getUint16(cdOff + 30, true) + v.getUint16(cdOff + 32, true);
  const entry = zip.subarray(cdOff, cdOff + first);
  const cd = zip.subarray(cdOff, eocd);
  const out = new Uint8Array(cdOff + cd.length + entry.length * n + 22);
  out.set(zip.subarray(0, cdOff));
  out.set(cd, cdOff);
  for (let k = 0; k < n; k++) out.set(entry, cdOff + cd.length + k * entry.length);
  const tail = new DataView(out.buffer, out.length - 22, 22);
  tail.setUint32(0, 0x06054b50, true);
  tail.setUint16(8, count + n, true);
  tail.setUint16(10, count + n, true);
  tail.setUint32(12, cd.length + entry.length * n, true);
  tail.setUint32(16, cdOff, true);
  return out;
}
