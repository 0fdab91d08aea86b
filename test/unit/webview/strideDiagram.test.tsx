// @vitest-environment happy-dom
/** @jsxImportSource preact */
// The stride diagram as drawn (webview/shared/StrideDiagram.tsx) against NumPy
// (scripts/fixtures/pictures.py): the hatched bytes are exactly the ones outside the buffer,
// the grid's out-of-bounds cells exactly the indices NumPy puts past it, and the indices listed
// for a byte exactly the ones NumPy finds reading it.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { StrideDiagram } from '../../../webview/shared/StrideDiagram';
import { loadFixture } from '../fixtures';

interface Case {
  name: string; shape: number[]; strides: number[]; offset: number; itemsize: number; nbytes: number;
  range: [number, number]; oobBefore: [number, number] | null; oobAfter: [number, number] | null;
  maxReaders: number; gridOob: number[][]; readers: Array<{ byte: number; indices: number[][] }>;
  picked: { rows: number; cols: number; held: number[]; addresses: number[][] } | null;
}

const cases = loadFixture<Case[]>('pictures.json');

function draw(c: Case) {
  const layout = { shape: c.shape, strides: c.strides, offset: c.offset, itemsize: c.itemsize };
  return render(<StrideDiagram layout={layout} nbytes={BigInt(c.nbytes)} name="base" />);
}

/** Moves the strip's cursor to `byte` with the keys a user has: Home, then (Shift+)ArrowRight. */
function pointAt(strip: Element, c: Case, byte: number) {
  fireEvent.keyDown(strip, { key: 'Home' });
  let steps = (byte - c.range[0]) / c.itemsize;
  expect(Number.isInteger(steps)).toBe(true);
  while (steps >= 16) { fireEvent.keyDown(strip, { key: 'ArrowRight', shiftKey: true }); steps -= 16; }
  while (steps > 0) { fireEvent.keyDown(strip, { key: 'ArrowRight' }); steps -= 1; }
}

function listed(text: string): number[][] {
  const after = text.slice(text.indexOf('ind'));
  return [...after.matchAll(/\(([-\d, ]*)\)/g)].map((m) => m[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number));
}

const key = (i: number[]) => i.join(',');

afterEach(cleanup);

describe('StrideDiagram against NumPy', () => {
  it('has cases with bytes past the end, before the start and shared by many indices', () => {
    expect(cases.some((c) => c.oobAfter)).toBe(true);
    expect(cases.some((c) => c.oobBefore)).toBe(true);
    expect(cases.some((c) => c.gridOob.length > 0)).toBe(true);
    expect(Math.max(...cases.map((c) => c.maxReaders))).toBeGreaterThan(4);
  });

  for (const c of cases) {
    it(`${c.name}: hatches exactly the bytes outside the buffer`, () => {
      const { queryByTestId } = draw(c);
      const before = queryByTestId('oob-before');
      const after = queryByTestId('oob-after');
      expect(before ? [Number(before.getAttribute('data-low')), Number(before.getAttribute('data-high'))] : null).toEqual(c.oobBefore);
      expect(after ? [Number(after.getAttribute('data-low')), Number(after.getAttribute('data-high'))] : null).toEqual(c.oobAfter);
    });

    it(`${c.name}: marks exactly NumPy's out-of-bounds indices in the grid`, () => {
      const { container } = draw(c);
      const marked = [...container.querySelectorAll('.sd-cell-oob')].map((td) => td.getAttribute('data-index'));
      expect(marked.sort()).toEqual(c.gridOob.map(key).sort());
      expect(container.querySelectorAll('.sd-cell').length).toBe(Math.min(c.shape.length >= 2 ? c.shape[c.shape.length - 2]! : 1, 12) * Math.min(c.shape[c.shape.length - 1]!, 12));
    });

    if (c.picked) {
      const p = c.picked;
      it(`${c.name}: the grid over two picked axes, the others held, starts each index where NumPy puts it`, () => {
        const { getByTestId, container } = draw(c);
        fireEvent.change(getByTestId('grid-rows'), { target: { value: String(p.rows) } });
        fireEvent.change(getByTestId('grid-cols'), { target: { value: String(p.cols) } });
        p.held.forEach((h, k) => {
          if (k !== p.rows && k !== p.cols) fireEvent.input(getByTestId(`grid-hold-${k}`), { target: { value: String(h) } });
        });
        const cells = [...container.querySelectorAll('[data-testid="index-grid"] tr')].map((tr) => [...tr.querySelectorAll('td')]);
        expect(cells.map((r) => r.map((td) => Number(td.textContent)))).toEqual(p.addresses);
        p.addresses.forEach((row, i) => row.forEach((_, j) => {
          const want = p.held.map((h, k) => (k === p.rows ? i : k === p.cols ? j : h));
          expect(cells[i]![j]!.getAttribute('data-index')).toBe(key(want));
        }));
        expect(getByTestId('index-grid').closest('figure')!.querySelector('figcaption')!.textContent).toContain(`view indices [i, ${p.held[1]}, j`);
      });
    }

    it(`${c.name}: lists exactly the indices NumPy finds reading each chosen byte`, () => {
      const { getByTestId } = draw(c);
      const strip = getByTestId('byte-strip');
      for (const r of c.readers) {
        pointAt(strip, c, r.byte);
        const text = getByTestId('byte-readers').textContent ?? '';
        expect(text.startsWith(`byte ${r.byte}`), text).toBe(true);
        expect(text.includes('out of bounds'), text).toBe(r.byte < 0 || r.byte >= c.nbytes);
        if (r.indices.length === 0) expect(text).toContain('read by no index');
        else expect(listed(text).map(key).sort()).toEqual(r.indices.map(key).sort());
      }
    });
  }
});
