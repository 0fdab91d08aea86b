// Virtualization math: the visible range covers the viewport, tiles cover it exactly once,
// keyboard moves stay inside the grid, scrolling shows the selection, the LRU stays bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lruGet, lruSet, moveSelection, scrollToShow, TILE_COLS, TILE_ROWS, tileBlock, tileOf, tilesCovering, visibleRange } from '../../../webview/shared/array/tiles';

describe('visibleRange', () => {
  it('holds every cell that intersects the viewport, and stays in [0, total)', () => {
    fc.assert(fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 100 }), fc.nat(10_000), (scroll, viewport, cell, total) => {
      const r = visibleRange(scroll, viewport, cell, total, 0);
      expect(r.start).toBeGreaterThanOrEqual(0);
      expect(r.end).toBeLessThanOrEqual(total);
      for (let k = 0; k < total && k * cell < scroll + viewport + cell; k++) {
        const visible = (k + 1) * cell > scroll && k * cell < scroll + viewport;
        if (visible) expect(k >= r.start && k < r.end).toBe(true);
      }
      // Only a viewport's worth of cells (plus the partial ones at both edges).
      expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(viewport / cell) + 1);
    }));
  });
});

describe('tiles', () => {
  it('cover each visible cell exactly once, each tile clipped to the grid', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.nat(299), fc.nat(60), fc.nat(299), fc.nat(60),
      (rows, cols, r0, rn, c0, cn) => {
        const rr = { start: Math.min(r0, rows), end: Math.min(rows, r0 + rn) };
        const cr = { start: Math.min(c0, cols), end: Math.min(cols, c0 + cn) };
        const seen = new Map<string, number>();
        for (const t of tilesCovering(rr, cr)) {
          const b = tileBlock(t, rows, cols);
          expect(b.rowCount).toBeGreaterThan(0);
          expect(b.colCount).toBeGreaterThan(0);
          expect(b.rowStart + b.rowCount).toBeLessThanOrEqual(rows);
          expect(b.colStart + b.colCount).toBeLessThanOrEqual(cols);
          for (let r = b.rowStart; r < b.rowStart + b.rowCount; r++) {
            for (let c = b.colStart; c < b.colStart + b.colCount; c++) seen.set(`${r},${c}`, (seen.get(`${r},${c}`) ?? 0) + 1);
          }
        }
        for (let r = rr.start; r < rr.end; r++) for (let c = cr.start; c < cr.end; c++) expect(seen.get(`${r},${c}`)).toBe(1);
        // No tile is requested that holds no visible cell.
        expect(tilesCovering(rr, cr).length).toBeLessThanOrEqual(
          rr.end > rr.start && cr.end > cr.start ? (Math.ceil((rr.end - rr.start) / TILE_ROWS) + 1) * (Math.ceil((cr.end - cr.start) / TILE_COLS) + 1) : 0);
      }));
  });
  it('tileOf finds the tile and position of a cell', () => {
    fc.assert(fc.property(fc.nat(10_000), fc.nat(10_000), (r, c) => {
      const { tile, i, j } = tileOf(r, c);
      expect(tile.tr * TILE_ROWS + i).toBe(r);
      expect(tile.tc * TILE_COLS + j).toBe(c);
      expect(i >= 0 && i < TILE_ROWS && j >= 0 && j < TILE_COLS).toBe(true);
    }));
  });
});

describe('keyboard and scrolling', () => {
  const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'];
  it('moves stay in the grid; Ctrl+Home/End reach the corners', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.array(fc.tuple(fc.constantFrom(...keys), fc.boolean()), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }),
      (rows, cols, presses, page) => {
        let sel = { r: 0, c: 0 };
        for (const [k, ctrl] of presses) {
          sel = moveSelection(sel, k, ctrl, rows, cols, page)!;
          expect(sel.r >= 0 && sel.r < rows && sel.c >= 0 && sel.c < cols).toBe(true);
        }
        expect(moveSelection(sel, 'End', true, rows, cols, page)).toEqual({ r: rows - 1, c: cols - 1 });
        expect(moveSelection(sel, 'Home', true, rows, cols, page)).toEqual({ r: 0, c: 0 });
        expect(moveSelection(sel, 'x', false, rows, cols, page)).toBeUndefined();
      }));
  });
  it('scrollToShow brings the cell into the viewport and does not move when it is visible', () => {
    fc.assert(fc.property(fc.nat(50_000), fc.integer({ min: 30, max: 1000 }), fc.nat(2000), fc.integer({ min: 1, max: 30 }), (scroll, viewport, index, cell) => {
      const s = scrollToShow(scroll, viewport, index, cell);
      expect(index * cell).toBeGreaterThanOrEqual(s);
      expect((index + 1) * cell).toBeLessThanOrEqual(s + Math.max(viewport, cell));
      if (index * cell >= scroll && (index + 1) * cell <= scroll + viewport) expect(s).toBe(scroll);
    }));
  });
});

describe('LRU', () => {
  it('keeps at most max entries and evicts the least recently used', () => {
    const m = new Map<string, number>();
    lruSet(m, 'a', 1, 2);
    lruSet(m, 'b', 2, 2);
    expect(lruGet(m, 'a')).toBe(1); // a is now the most recent
    lruSet(m, 'c', 3, 2);
    expect([...m.keys()].sort()).toEqual(['a', 'c']);
    fc.assert(fc.property(fc.array(fc.nat(20)), fc.integer({ min: 1, max: 8 }), (ks, max) => {
      const c = new Map<number, number>();
      for (const k of ks) lruSet(c, k, k, max);
      expect(c.size).toBeLessThanOrEqual(max);
      if (ks.length) expect(c.has(ks[ks.length - 1]!)).toBe(true);
    }));
  });
});
