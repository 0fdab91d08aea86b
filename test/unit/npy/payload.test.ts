// The notebook renderer's reading of the helper's array payloads. Expected values come from
// NumPy (and torch) through scripts/fixtures/array_payloads.py: each case is the payload
// `array_bundle(x)` wrote and `str()` of every element of x in C order. The renderer reads
// every element back through the same page reader as the .npy viewer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCalculator } from '../../../src/engine/calculator';
import { readPageData } from '../../../src/npy/cells';
import { decodeBase64, encodeBase64, parseArrayPayload, payloadCalculatorInputs, payloadNpy } from '../../../src/npy/payload';
import { findPython } from '../../../scripts/find-python.mjs';

interface Case { name: string; payload: Record<string, unknown>; texts: string[] | null; numbers: (number | string)[] | null; fields: { names: string[]; texts: string[][] } | null; sampleTexts: string[] | null }
const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/generated/array_payloads.json'), 'utf8')) as { cases: Case[] };

/** Every element of the view (or of the sample the output carries instead), C order, read one page (of one element) at a time. */
async function readAll(c: Case, which: 'data' | 'sample' = 'data'): Promise<{ texts: string[]; values: unknown[] }> {
  const p = parseArrayPayload(c.payload);
  if (!p.ok) throw new Error(p.error);
  const d = which === 'data' ? p.value.data! : p.value.sample!.values;
  const shape = d.view.shape;
  const total = shape.reduce((a, b) => a * b, 1);
  const texts: string[] = [];
  const values: unknown[] = [];
  for (let k = 0; k < total; k++) {
    const index = new Array<number>(shape.length).fill(0);
    let rest = k;
    for (let a = shape.length - 1; a >= 0; a--) { index[a] = rest % shape[a]!; rest = Math.floor(rest / shape[a]!); }
    const page = await readPageData(d.array, { view: d.view, spec: { rowAxis: null, colAxis: null, index, rowStart: 0, rowCount: 1, colStart: 0, colCount: 1 }, withText: true });
    if (!page.ok) throw new Error(`${c.name} [${index.join(', ')}]: ${page.error}`);
    texts.push(page.value.texts[0]!);
    values.push(page.value.values[0]);
  }
  return { texts, values };
}

describe('array payloads written by the helper', () => {
  it('cover the cases the helper must handle', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of fixture.cases) {
    it(`${c.name}: parses, and reads back every element as NumPy prints it`, async () => {
      const p = parseArrayPayload(c.payload);
      expect(p.ok ? 'ok' : p.error).toBe('ok');
      if (!p.ok) return;
      expect(p.value.layout.shape).toEqual(c.payload.shape);
      expect(p.value.inBounds).toBe(c.payload.inBounds);
      if (c.payload.truncated) {
        expect(p.value.data).toBeNull();
        // Over the cap: the sample holds every step-th element along each axis, as NumPy's x[::s, ::s].
        expect(c.sampleTexts, 'the helper sends a sample of an in-bounds array over the cap').not.toBeNull();
        expect((await readAll(c, 'sample')).texts).toEqual(c.sampleTexts);
        return;
      }
      if (c.texts === null || p.value.data === null) {
        // Out of bounds (only in-bounds bytes carried) or no NumPy dtype: nothing to compare, and the layout still evaluates.
        expect(c.payload.inBounds === false || p.value.dtype === null).toBe(true);
      } else {
        const got = await readAll(c);
        expect(got.texts).toEqual(c.texts);
        // Colour numbers: |z| of a complex may differ from Python's abs() in the last bit.
        if (c.numbers) got.values.forEach((v, k) => (typeof v === 'number' ? expect(v).toBeCloseTo(c.numbers![k] as number, 12) : expect(v).toBe(c.numbers![k])));
      }
      // The layout section: every payload's view evaluates over its buffer, with NumPy's verdict.
      const r = evaluateCalculator(payloadCalculatorInputs(p.value));
      expect(r.ok ? r.value.report.inBounds : r.error).toBe(c.payload.inBounds);
    });
  }
});

describe('records as a table', () => {
  for (const c of fixture.cases.filter((x) => x.fields)) {
    it(`${c.name}: one column per leaf field, each as NumPy prints the field`, async () => {
      const p = parseArrayPayload(c.payload);
      if (!p.ok) throw new Error(p.error);
      const d = p.value.data!;
      const n = d.view.shape[0]!;
      const page = await readPageData(d.array, { view: d.view, spec: { rowAxis: null, colAxis: 0, index: [0], rowStart: 0, rowCount: 1, colStart: 0, colCount: n }, withText: false, fields: true });
      if (!page.ok) throw new Error(page.error);
      expect(page.value.fields).toEqual(c.fields);
    });
  }
});

describe('Save as .npy', () => {
  it('writes every carried array as a .npy file that NumPy loads to the same values', () => {
    const python = findPython();
    if (!python) throw new Error('No Python with NumPy: run bash scripts/setup-test-deps.sh');
    const dir = mkdtempSync(join(tmpdir(), 'sl-payload-npy-'));
    try {
      const written: { file: string; texts: string[]; shape: unknown }[] = [];
      for (const [k, c] of fixture.cases.entries()) {
        const p = parseArrayPayload(c.payload);
        if (!p.ok) throw new Error(p.error);
        const npy = payloadNpy(p.value);
        if (c.texts === null || c.payload.truncated) {
          expect(npy.ok, `${c.name}: no .npy without all its values`).toBe(false);
          continue;
        }
        if (!npy.ok) throw new Error(`${c.name}: ${npy.error}`);
        const file = join(dir, `${k}.npy`);
        writeFileSync(file, npy.value);
        written.push({ file, texts: c.texts, shape: c.payload.shape });
      }
      expect(written.length).toBeGreaterThanOrEqual(25);
      // NumPy loads each (no pickle) and prints its elements as the fixture did (records as NumPy 2 does).
      const r = spawnSync(python, ['-c', `
import json, sys, numpy as np
def text(e):
    if isinstance(e, np.void) and e.dtype.names:
        parts = [text(e[n]) for n in e.dtype.names]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    return str(e)
out = []
for f in json.load(sys.stdin):
    a = np.load(f, allow_pickle=False)
    out.append({"shape": list(a.shape), "texts": [text(e) for e in a.flat]})
print(json.dumps(out))
`], { input: JSON.stringify(written.map((w) => w.file)), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const loaded = JSON.parse(r.stdout) as { shape: unknown; texts: string[] }[];
      loaded.forEach((l, k) => {
        expect(l.shape).toEqual(written[k]!.shape);
        expect(l.texts).toEqual(written[k]!.texts);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('malformed payloads', () => {
  const good = fixture.cases.find((c) => c.name.includes('C-contiguous'))!.payload;

  it('name the first bad field', () => {
    const bad = (patch: Record<string, unknown>) => {
      const r = parseArrayPayload({ ...good, ...patch });
      return r.ok ? 'ok' : r.error;
    };
    expect(bad({ version: 2 })).toMatch(/"version" should be 1, not 2/);
    expect(bad({ shape: 'oops' })).toMatch(/"shape" should be a list/);
    expect(bad({ strides: [8] })).toMatch(/"strides" has 1 entries for 2 dimensions/);
    expect(bad({ dtype: '<f9' })).toMatch(/"dtype"/);
    expect(bad({ dtype: '|O' })).toMatch(/object arrays are not shown/);
    expect(bad({ itemsize: 4 })).toMatch(/"itemsize" 4 differs from the dtype's 8/);
    expect(bad({ data: { start: 0, base64: 'AA=A' } })).toMatch(/not valid base64/);
    expect(bad({ unit: 'bits' })).toMatch(/"unit" should be/);
    expect(parseArrayPayload(null).ok).toBe(false);
    expect(parseArrayPayload([1, 2]).ok).toBe(false);
  });

  it('never throw: any field replaced by any JSON value gives a payload or an error', () => {
    const keys = Object.keys(good);
    fc.assert(fc.property(fc.constantFrom(...keys), fc.jsonValue(), (k, v) => {
      const r = parseArrayPayload({ ...good, [k]: v });
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.error).toMatch(/^malformed array output: /);
    }), { seed: 20261204, numRuns: 2000 });
  });

  it('a view whose bytes are not all carried reads an error for the missing ones, never other memory', async () => {
    // 'AAAAAAAA' is 6 bytes: the view's later elements are not in the output.
    const p = parseArrayPayload({ ...good, data: { start: 0, base64: 'AAAAAAAA' } });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const d = p.value.data!;
    const last = d.view.shape.map((n) => n - 1);
    const r = await readPageData(d.array, { view: d.view, spec: { rowAxis: null, colAxis: null, index: last, rowStart: 0, rowCount: 1, colStart: 0, colCount: 1 }, withText: true });
    expect(r.ok ? 'read' : r.error).toMatch(/the view reads bytes \d+…\d+ outside the 6 data bytes/);
  });
});

describe('base64', () => {
  it('decodes what Buffer encodes, encodes as Buffer does, and refuses what is not base64', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }), { seed: 20261204, numRuns: 500 });
    for (const bad of ['A', 'AB=C', 'A===', '====', 'AAAA\n', 'AA-_', 'AAA=AAAA']) expect(decodeBase64(bad), bad).toBeNull();
  });
});
