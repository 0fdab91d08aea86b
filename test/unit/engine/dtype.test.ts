import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../fixtures';
import { dtypeDescr, parseDtype, type DescrList, type Dtype } from '../../../src/engine/dtype';

interface Expected {
  ok: boolean; kind?: string; itemsize?: number; str?: string; name?: string; unit?: string; descr?: unknown;
  fields?: { name: string; offset: number; title?: string; dtype: Expected }[];
  subarray?: { base: Expected; shape: number[] }; hasobject?: boolean; error?: string;
}
type Case = Expected & { spec: string | DescrList };

function load(): Case[] {
  return loadFixture<Case[]>('dtype.json');
}

function check(d: Dtype, e: Expected, where: string): void {
  expect({ kind: d.kind, itemsize: d.itemsize, str: d.str, name: d.name }, where)
    .toEqual({ kind: e.kind, itemsize: e.itemsize, str: e.str, name: e.name });
  expect(d.byteOrder, where).toBe(e.str![0]);
  if (e.unit !== undefined) expect(d.unit, where).toBe(e.unit);
  expect(Boolean(d.needsPickle), where).toBe(e.hasobject);
  expect(dtypeDescr(d), where).toEqual(e.descr);
  expect((d.fields ?? []).map((f) => [f.name, f.offset, f.title]), where)
    .toEqual((e.fields ?? []).map((f) => [f.name, f.offset, f.title]));
  (e.fields ?? []).forEach((f, k) => check(d.fields![k]!.dtype, f.dtype, `${where}.${f.name}`));
  expect(d.subarray?.shape, where).toEqual(e.subarray?.shape);
  if (e.subarray) check(d.subarray!.base, e.subarray.base, `${where}[sub]`);
}

describe('parseDtype against numpy.dtype', () => {
  const cases = load();
  it('has a large table', () => expect(cases.length).toBeGreaterThan(400));
  for (const c of cases) {
    it(`${JSON.stringify(c.spec)} → ${c.ok ? c.str : 'error'}`, () => {
      const r = parseDtype(c.spec);
      if (!c.ok) {
        expect(r.ok, `NumPy refused it: ${c.error}`).toBe(false);
        if (!r.ok && typeof c.spec === 'string' && c.error!.includes('not understood')) {
          expect(r.error).toBe(`data type '${c.spec}' not understood`);
        }
        return;
      }
      if (!r.ok) throw new Error(`NumPy accepts ${JSON.stringify(c.spec)} but we said: ${r.error}`);
      check(r.value, c, JSON.stringify(c.spec));
    });
  }
});

describe('parseDtype errors name the bad value', () => {
  it('float33', () => expect(parseDtype('float33')).toEqual({ ok: false, error: "data type 'float33' not understood" }));
  it('bad datetime unit', () => {
    const r = parseDtype('M8[xx]');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('[xx]');
  });
});

describe('dtype invariants', () => {
  const cases = load().filter((c) => c.ok);
  it('the printed type string parses back to the same type', () => {
    for (const c of cases) {
      const d = parseDtype(c.spec);
      if (!d.ok) throw new Error(d.error);
      if (d.value.fields || d.value.subarray) continue;
      const again = parseDtype(d.value.str);
      expect(again, c.str).toEqual(d);
    }
  });
  it('the descr written for a structured type reads back to the same fields and itemsize', () => {
    for (const c of cases.filter((x) => x.fields)) {
      const d = parseDtype(c.spec);
      if (!d.ok) throw new Error(d.error);
      const again = parseDtype(dtypeDescr(d.value) as DescrList);
      expect(again, JSON.stringify(c.spec)).toEqual(d);
    }
  });
  it('field offsets lie inside the item and do not overlap (packed descrs)', () => {
    for (const c of cases.filter((x) => x.fields && typeof x.spec !== 'string')) {
      const d = parseDtype(c.spec);
      if (!d.ok) throw new Error(d.error);
      let end = 0;
      for (const f of [...d.value.fields!].sort((a, b) => a.offset - b.offset)) {
        expect(f.offset).toBeGreaterThanOrEqual(end);
        end = f.offset + f.dtype.itemsize;
      }
      expect(end).toBeLessThanOrEqual(d.value.itemsize);
    }
  });
});

describe('parseDtype never throws', () => {
  const piece = fc.constantFrom('<', '>', '|', '=', 'f', 'i', 'u', 'c', 'S', 'U', 'V', 'M', 'm', 'O', 'b', '?', '8', '4', '2', '16', '0', '99999999999', '[', ']', 'ns', '10', 'datetime64', 'float', '(', ')', ',', ' ', 'μs');
  it('on random type strings', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const r = parseDtype(parts.join(''));
      if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
    }), { seed: 11, numRuns: 5000 });
  });
  it('on random descr-like values', () => {
    const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('<f4', '|S3', '>i8', '|V2', '|O'), fc.integer({ min: -3, max: 5 }), fc.constant(null));
    const value = fc.letrec<{ v: unknown }>((tie) => ({ v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 })) })).v;
    fc.assert(fc.property(fc.array(value, { maxLength: 5 }), (descr) => {
      const r = parseDtype(descr as DescrList);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
      else expect(r.value.itemsize).toBeGreaterThanOrEqual(0);
    }), { seed: 12, numRuns: 5000 });
  });
});
