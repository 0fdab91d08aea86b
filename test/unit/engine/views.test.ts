import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cStrides, elementAddress, type Layout } from '../../../src/engine/layout';
import type { Result } from '../../../src/engine/report';
import {
  asStrided, blockView, broadcastTo, indexView, parseIndex, poolingView, reshapeView, slidingWindowView, transposeView, windowView,
  type BlockMode, type ReshapeResult,
} from '../../../src/engine/views';
import { loadFixture } from '../fixtures';
import { indices } from './indices';

/* eslint-disable @typescript-eslint/no-explicit-any -- fixture arguments differ per family */
interface Case {
  family: string;
  src: Layout;
  args: any;
  view?: Layout;
  copy?: true;
  error?: string;
  message?: string;
}
const fx = loadFixture<{ cases: Case[] }>('engine_views.json');

function run(c: Case): Result<Layout | ReshapeResult> {
  const a = c.args;
  switch (c.family) {
    case 'as_strided': return asStrided(c.src, a.shape ?? undefined, a.strides ?? undefined);
    case 'sliding_window_view': return slidingWindowView(c.src, a.window_shape, a.axis ?? undefined);
    case 'broadcast_to': return broadcastTo(c.src, a.shape);
    case 'index': {
      const idx = parseIndex(a.text);
      return idx.ok ? indexView(c.src, idx.value) : idx;
    }
    case 'transpose': return transposeView(c.src, a.axes ?? undefined);
    case 'reshape': return reshapeView(c.src, a.shape, a.order);
    case 'block': return blockView(c.src, a.block_shape, a.mode as BlockMode);
    case 'windows': return windowView(c.src, { kernel: a.kernel, stride: a.stride, dilation: a.dilation });
    case 'pooling': return poolingView(c.src, a.kernel);
    default: throw new Error(`unknown family ${c.family}`);
  }
}

const plain = (l: Layout) => ({ shape: [...l.shape], strides: [...l.strides], offset: l.offset, itemsize: l.itemsize });

describe('view constructors against NumPy 1.24', () => {
  const families = [...new Set(fx.cases.map((c) => c.family))];
  it('covers every family, with views and errors', () => {
    expect(families.sort()).toEqual(['as_strided', 'block', 'broadcast_to', 'index', 'pooling', 'reshape', 'sliding_window_view', 'transpose', 'windows']);
    expect(fx.cases.filter((c) => c.copy).length).toBeGreaterThan(100);
    expect(fx.cases.filter((c) => c.error).length).toBeGreaterThan(300);
  });

  for (const family of families) {
    it(`${family}: same view, same copy decision, same error message`, () => {
      for (const c of fx.cases.filter((x) => x.family === family)) {
        const label = `${family} of shape (${c.src.shape}) strides (${c.src.strides}) offset ${c.src.offset} with ${JSON.stringify(c.args)}`;
        const r = run(c);
        if (c.error) {
          expect(r.ok, label).toBe(false);
          // The block family's errors come from our NumPy helper, not from NumPy: only the failure is compared.
          if (!r.ok && family !== 'block') expect(r.error, label).toBe(c.message);
          continue;
        }
        if (!r.ok) throw new Error(`${label}: ${r.error}`);
        const v = r.value;
        if ('copy' in v) {
          expect(v.copy, label).toBe(c.copy === true);
          if (!v.copy) expect(plain(v.view), label).toEqual(c.view);
        } else {
          expect(c.copy, label).toBeUndefined();
          expect(plain(v), label).toEqual(c.view);
        }
      }
    });
  }
});

describe('view constructor edge cases', () => {
  it('parses NumPy-style index text', () => {
    expect(parseIndex('[3, :, ::2]')).toEqual({ ok: true, value: [
      { kind: 'int', value: 3 }, { kind: 'slice', start: null, stop: null, step: null }, { kind: 'slice', start: null, stop: null, step: 2 },
    ] });
    expect(parseIndex('[1.5]')).toEqual({ ok: false, error: expect.stringContaining("'1.5'") });
    expect(parseIndex('[1')).toEqual({ ok: false, error: expect.stringContaining("no closing ']'") });
  });

  it('windows that do not fit name the axis and sizes', () => {
    const img: Layout = { shape: [5, 5], strides: [20, 4], offset: 0, itemsize: 4 };
    const r = windowView(img, { kernel: [3, 3], dilation: [3, 1] });
    expect(r).toEqual({ ok: false, error: 'window spanning 7 on axis 0 does not fit in size 5' });
  });
});


describe('reshape properties', () => {
  it('a reshape without copy addresses the same elements as the original, in C order', () => {
    const arb = fc.record({
      shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
      perm: fc.boolean(),
      step: fc.integer({ min: 1, max: 2 }),
      itemsize: fc.constantFrom(1, 4, 8),
      newShape: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
      unknown: fc.nat(3),
    });
    fc.assert(
      fc.property(arb, ({ shape, perm, step, itemsize, newShape, unknown }) => {
        let src: Layout = { shape, strides: cStrides(shape, itemsize), offset: 0, itemsize };
        if (perm) { const t = transposeView(src); if (t.ok) src = t.value; }
        if (step === 2) src = { ...src, strides: src.strides.map((s, k) => (k === 0 ? 2 * s : s)) };
        const target = [...newShape];
        if (unknown < target.length) target[unknown] = -1;
        const r = reshapeView(src, target);
        if (!r.ok || r.value.copy) return;
        const view = r.value.view;
        const a = [...indices(src.shape)].map((i) => elementAddress(src, i));
        const b = [...indices(view.shape)].map((i) => elementAddress(view, i));
        expect(b).toEqual(a);
      }),
      { numRuns: 1000 },
    );
  });
});
