// Requests bind to responses by id: out-of-order answers reach the right caller, an error
// response rejects with the host's message, closing rejects whatever is still waiting.
import { describe, expect, it } from 'vitest';
import type { NpyRequest } from '../../../src/protocol';
import { createPending } from '../../../webview/app/npy/requests';

describe('createPending', () => {
  it('settles each request with the response of its own id', async () => {
    const sent: NpyRequest[] = [];
    const p = createPending((m) => sent.push(m));
    const a = p.request('openMember', { member: 'a.npy' });
    const b = p.request('openMember', { member: 'b.npy' });
    expect(sent.map((m) => m.id)).toEqual([1, 2]);
    expect(p.size).toBe(2);
    expect(p.settle({ type: 'npyResponse', id: 2, ok: false, error: 'no member b.npy' })).toBe(true);
    const info = { name: 'a' } as never;
    expect(p.settle({ type: 'npyResponse', id: 1, ok: true, result: info })).toBe(true);
    await expect(a).resolves.toBe(info);
    await expect(b).rejects.toThrow('no member b.npy');
    expect(p.settle({ type: 'npyResponse', id: 1, ok: true, result: info })).toBe(false);
    expect(p.size).toBe(0);
  });
  it('close rejects every waiting request; a failing send rejects at once', async () => {
    const p = createPending(() => undefined);
    const a = p.request('openMember', { member: 'a.npy' });
    p.close('viewer closed');
    await expect(a).rejects.toThrow('viewer closed');
    const q = createPending(() => { throw new Error('channel gone'); });
    await expect(q.request('openMember', { member: 'x' })).rejects.toThrow('channel gone');
    expect(q.size).toBe(0);
  });
});
