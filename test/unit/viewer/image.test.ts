// Which arrays the viewer draws as pictures, and how it samples them.
import { describe, expect, it } from 'vitest';
import { cStrides } from '../../../src/engine/layout';
import { imageReadings, imageSample, pictureFirst, pixelScale, toByte } from '../../../webview/shared/array/image';
import { ordinal, sampledView } from '../../../webview/shared/array/slicing';

describe('imageReadings', () => {
  it('reads channels-last and channels-first colour images and greyscale of bytes, bools and floats', () => {
    expect(imageReadings([480, 640, 3], '|u1').map((r) => r.label)).toEqual(['channels last']);
    expect(imageReadings([3, 480, 640], '<f4').map((r) => [r.label, r.h, r.w, r.c])).toEqual([['channels first', 1, 2, 0]]);
    expect(imageReadings([4, 5, 3], '|u1').map((r) => r.label)).toEqual(['channels last', 'channels first']);
    expect(imageReadings([28, 28], '<f4').map((r) => r.label)).toEqual(['greyscale']);
    expect(imageReadings([28, 28, 1], '|b1').map((r) => r.label)).toEqual(['greyscale']);
  });
  it('refuses what is not a picture: other integer types, complex, 1-d, a single row, 4-d', () => {
    for (const [shape, d] of [[[28, 28], '<i4'], [[28, 28, 3], '<c8'], [[640], '|u1'], [[1, 640, 3], '|u1'], [[2, 28, 28, 3], '|u1'], [[28, 28, 2], '|u1']] as const) {
      expect(imageReadings(shape, d), `${shape} ${d}`).toEqual([]);
    }
  });
  it('opens colour images and byte greyscale as pictures; float greyscale stays a heatmap first', () => {
    expect(pictureFirst(imageReadings([480, 640, 3], '|u1')[0], '|u1')).toBe(true);
    expect(pictureFirst(imageReadings([28, 28], '|u1')[0], '|u1')).toBe(true);
    expect(pictureFirst(imageReadings([28, 28], '<f4')[0], '<f4')).toBe(false);
    expect(pixelScale('>f8')).toBe('unit');
  });
});

describe('imageSample', () => {
  it('takes one step on both axes (the aspect holds) and one 2-d view per channel', () => {
    const view = { shape: [480, 640, 3], strides: cStrides([480, 640, 3], 1), offset: 0, itemsize: 1 };
    const s = imageSample(view, imageReadings(view.shape, '|u1')[0]!, 512);
    expect([s.step, s.rows, s.cols]).toEqual([2, 240, 320]);
    // photo[::2, ::2, c]: strides (3840, 6), offset c (NumPy: np.zeros((480, 640, 3), 'u1')[::2, ::2, 1].strides).
    expect(s.channels.map((l) => [l.shape, l.strides, l.offset])).toEqual([0, 1, 2].map((c) => [[240, 320], [3840, 6], c]));
  });
  it('keeps a tall image tall', () => {
    const view = { shape: [3000, 1000], strides: [1000, 1], offset: 0, itemsize: 1 };
    const s = imageSample(view, imageReadings(view.shape, '|u1')[0]!, 512);
    expect([s.step, s.rows, s.cols]).toEqual([6, 500, 167]);
  });
});

describe('heatmap samples keep the aspect ratio', () => {
  it('uses the larger step on both axes', () => {
    const view = { shape: [2000, 3000], strides: [24000, 8], offset: 0, itemsize: 8 };
    const s = sampledView(view, { rowAxis: 0, colAxis: 1, index: [0, 0] }, 256, 256, true);
    expect([s.rowStep, s.colStep, s.rows, s.cols]).toEqual([12, 12, 167, 250]);
  });
});

describe('toByte and ordinal', () => {
  it('maps values to intensities, clipping floats and counting the clipped', () => {
    const clipped = { n: 0 };
    expect([toByte(0.5, 'unit', clipped), toByte(2, 'unit', clipped), toByte(-1, 'unit', clipped), toByte(NaN, 'unit', clipped), toByte(200, 'byte', clipped), toByte(1, 'bool', clipped)]).toEqual([128, 255, 0, 0, 200, 255]);
    expect(clipped.n).toBe(2);
  });
  it('says 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 112th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '112th']);
  });
});

describe('grid columns are wide enough for NumPy\'s text', () => {
  it('every scalar NumPy printed in scripts/fixtures/viewer.py fits its dtype\'s column', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { textWidth } = await import('../../../webview/shared/array/values');
    const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/generated/viewer.json'), 'utf8')) as { scalars: { dtype: unknown; text: string }[] };
    const simple = fixture.scalars.filter((s) => typeof s.dtype === 'string' && !/^[<>|=]?[USV]/.test(s.dtype as string));
    expect(simple.length).toBeGreaterThan(500);
    const over = simple.filter((s) => s.text.length > textWidth(s.dtype as string)).map((s) => `${s.dtype as string} ${s.text}`);
    expect(over).toEqual([]);
  });
});
