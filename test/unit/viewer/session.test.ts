// The viewer session answers requests with what NumPy shows: slicing by index text, paging the
// last two axes of the view, .npz members; bad files and bad requests get an error, never a throw.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_CELLS } from '../../../src/npy/cells';
import { handleRequest, openSession } from '../../../src/extension/npy/session';
import { memorySource } from '../../../src/npy/source';
import type { NpyArrayInfo, NpyPageData, NpyRequest, NpyResponse } from '../../../src/protocol';
import { applyIndex, defaultChoice, gridSize, pageSpec } from '../../../webview/shared/array/slicing';
import { fixtureBytes } from '../fixtures';
import { loadExpected, NPY_DIR } from '../npy/helpers';
import { loadViewerTruth } from './fixtures';

const truth = loadViewerTruth();

function ok(r: NpyResponse): NpyPageData | NpyArrayInfo {
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

describe('slicing a file by index text, paged as the viewer pages it', () => {
  it.each(truth.slices.map((s) => [s.file, s.expr || '(none)', s] as const))('%s %s', async (file, _e, s) => {
    const session = await openSession(memorySource(fixtureBytes(join('viewer', file))), file);
    if (session.init.kind !== 'npy') throw new Error(`not opened: ${JSON.stringify(session.init)}`);
    const info = session.init.array;
    const view = applyIndex({ shape: info.shape, strides: info.strides, offset: 0, itemsize: info.itemsize }, s.expr);
    if (!view.ok) throw new Error(view.error);
    expect({ shape: view.value.shape, strides: view.value.strides, offset: view.value.offset }).toEqual({ shape: s.shape, strides: s.strides, offset: s.offset });
    const c = defaultChoice(view.value.shape);
    const { rows, cols } = gridSize(view.value.shape, c);
    // Two tiles' worth of requests (top and bottom halves) must join into NumPy's grid.
    const half = Math.ceil(rows / 2);
    const parts = [] as NpyPageData[];
    for (const [start, count] of [[0, half], [half, rows - half]] as const) {
      const req: NpyRequest = { type: 'npyRequest', id: 7, method: 'page', params: { member: null, view: view.value, spec: pageSpec(c, start, count, 0, cols), withText: true } };
      const r = await handleRequest(session, req);
      expect(r.id).toBe(7);
      parts.push(ok(r) as NpyPageData);
    }
    const grid: string[][] = [];
    for (const p of parts) for (let r = 0; r < p.rows; r++) grid.push(p.texts.slice(r * p.cols, (r + 1) * p.cols) as string[]);
    expect(grid).toEqual(s.values);
  });
});

describe('.npz', () => {
  it('lists the members NumPy lists and opens one on request', async () => {
    const session = await openSession(memorySource(fixtureBytes(join('viewer', truth.npz.file))), truth.npz.file);
    if (session.init.kind !== 'npz') throw new Error(JSON.stringify(session.init));
    expect(session.init.members.map((m) => m.name)).toEqual(truth.npz.members);
    const info = ok(await handleRequest(session, { type: 'npyRequest', id: 1, method: 'openMember', params: { member: 'ints.npy' } })) as NpyArrayInfo;
    expect(info.shape).toEqual(truth.npz.ints.shape);
    const view = { shape: info.shape, strides: info.strides, offset: 0, itemsize: info.itemsize };
    const [rows, cols] = info.shape as [number, number];
    const page = ok(await handleRequest(session, { type: 'npyRequest', id: 2, method: 'page', params: { member: 'ints.npy', view, spec: pageSpec(defaultChoice(info.shape), 0, rows, 0, cols), withText: true } })) as NpyPageData;
    expect(page.texts).toEqual(truth.npz.ints.values.flat());
    const missing = await handleRequest(session, { type: 'npyRequest', id: 3, method: 'openMember', params: { member: 'nope.npy' } });
    expect(missing).toMatchObject({ id: 3, ok: false });
    expect(!missing.ok && missing.error).toContain('nope.npy');
  });
});

describe('every dtype and shape NumPy wrote opens and pages', () => {
  // Every well-formed file NumPy itself loads.
  const good = loadExpected().files.filter((f) => f.numpy_error === undefined && !f.file.startsWith('bad_')).map((f) => f.file);
  it.each(good)('%s', async (file) => {
    const session = await openSession(memorySource(fixtureBytes(join('npy', file))), file);
    if (session.init.kind !== 'npy') throw new Error(JSON.stringify(session.init));
    const info = session.init.array;
    const view = { shape: info.shape, strides: info.strides, offset: 0, itemsize: info.itemsize };
    const c = defaultChoice(info.shape);
    const { rows, cols } = gridSize(info.shape, c);
    const r = await handleRequest(session, { type: 'npyRequest', id: 1, method: 'page', params: { member: null, view, spec: pageSpec(c, 0, Math.min(rows, 32), 0, Math.min(cols, 16)), withText: true } });
    const page = ok(r) as NpyPageData;
    expect(page.texts.length).toBe(Math.min(rows, 32) * Math.min(cols, 16));
    expect(page.values.length).toBe(page.texts.length);
    // Survives the JSON webview channel: no bigint (stringify would throw), no NaN or infinity (they would become null).
    expect(page.values.every((v) => v === null || typeof v === 'string' || Number.isFinite(v))).toBe(true);
    expect(JSON.parse(JSON.stringify(page)).texts).toEqual(page.texts);
  });
});

describe('errors', () => {
  const bad = readdirSync(NPY_DIR).filter((f) => f.startsWith('bad_') || f.startsWith('object'));
  it.each(bad)('%s opens as an error naming the file', async (file) => {
    const session = await openSession(memorySource(fixtureBytes(join('npy', file))), file);
    expect(session.init.kind).toBe('error');
    if (session.init.kind === 'error') expect(session.init.error).toContain(file);
    const r = await handleRequest(session, { type: 'npyRequest', id: 9, method: 'openMember', params: { member: 'x' } });
    expect(r).toMatchObject({ id: 9, ok: false });
  });

  it('refuses a page larger than the cap and a view outside the data, with a message', async () => {
    const file = 'cube_f4.npy';
    const session = await openSession(memorySource(fixtureBytes(join('viewer', file))), file);
    if (session.init.kind !== 'npy') throw new Error('not opened');
    const { shape, strides, itemsize } = session.init.array;
    const view = { shape, strides, offset: 0, itemsize };
    const big = await handleRequest(session, { type: 'npyRequest', id: 1, method: 'page', params: { member: null, view, spec: { rowAxis: 1, colAxis: 2, index: [0, 0, 0], rowStart: 0, rowCount: MAX_PAGE_CELLS, colStart: 0, colCount: 2 }, withText: true } });
    expect(big).toMatchObject({ ok: false });
    const outside = await handleRequest(session, { type: 'npyRequest', id: 2, method: 'page', params: { member: null, view: { ...view, offset: 1 << 20 }, spec: pageSpec(defaultChoice(shape), 0, 1, 0, 1), withText: true } });
    expect(outside).toMatchObject({ ok: false });
  });

  it('a source whose reads fail gives an error init, not a throw', async () => {
    const session = await openSession({ size: 100, read: () => Promise.reject(new Error('EIO')) }, 'x.npy');
    expect(session.init).toMatchObject({ kind: 'error' });
    if (session.init.kind === 'error') expect(session.init.error).toContain('EIO');
  });
});
