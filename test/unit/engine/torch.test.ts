import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutToTorch, torchAsStrided, torchToLayout } from '../../../src/engine/torch';
import { loadFixture } from '../fixtures';

interface Case {
  dtype: string;
  itemsize: number;
  storageBytes: number;
  baseOffset: number;
  size: number[];
  stride: number[];
  storageOffset: number | null;
  view?: { size: number[]; stride: number[]; storageOffset: number };
  bytes?: { strides: number[]; offset: number };
  error?: string;
}
const fx = loadFixture<{ torch: string | null; cases: Case[] }>('engine_torch.json');

describe('PyTorch mode against torch 1.13', () => {
  it('has torch ground truth', () => {
    expect(fx.torch, 'no torch in the fixture Python: apt-get install python3-torch, then npm run fixtures').not.toBeNull();
    expect(fx.cases.filter((c) => c.error).length).toBeGreaterThan(200);
  });

  it('torch.as_strided: same view in elements, or the same error message', () => {
    for (const c of fx.cases) {
      const label = `${c.dtype} storage ${c.storageBytes} B size [${c.size}] stride [${c.stride}] offset ${c.storageOffset}`;
      const r = torchAsStrided(BigInt(c.storageBytes), c.itemsize, c.size, c.stride, c.storageOffset ?? c.baseOffset);
      if (c.error) {
        expect(r, label).toEqual({ ok: false, error: c.error });
        continue;
      }
      if (!r.ok) throw new Error(`${label}: ${r.error}`);
      expect({ size: r.value.size, stride: r.value.stride, storageOffset: r.value.storageOffset }, label).toEqual(c.view);
    }
  });

  it('elements to bytes equals what NumPy sees through .numpy()', () => {
    const withBytes = fx.cases.filter((c) => c.bytes);
    expect(withBytes.length).toBeGreaterThan(300);
    for (const c of withBytes) {
      const l = torchToLayout({ ...c.view!, itemsize: c.itemsize });
      if (!l.ok) throw new Error(l.error);
      expect({ strides: l.value.strides, offset: l.value.offset }).toEqual(c.bytes);
    }
  });

  it('bytes to elements and back is the identity; a stride that is not whole elements is named', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 5 }), fc.nat(100), fc.constantFrom(1, 2, 4, 8, 16), (stride, off, itemsize) => {
        const t = { size: stride.map(() => 2), stride, storageOffset: off, itemsize };
        const l = torchToLayout(t);
        if (!l.ok) throw new Error(l.error);
        expect(layoutToTorch(l.value)).toEqual({ ok: true, value: t });
      }),
    );
    expect(layoutToTorch({ shape: [2, 2], strides: [8, 6], offset: 0, itemsize: 4 })).toEqual({ ok: false, error: 'stride 6 B on dim 1 is not a whole number of 4-byte elements' });
  });
});
