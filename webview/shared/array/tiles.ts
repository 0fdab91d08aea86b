/**
 * Virtualization math of the values grid: which rows and columns are visible, which tiles
 * (fixed blocks of cells, one page request each) cover them, keyboard moves and scrolling
 * the selection into view, and a small LRU cache of tiles. Pure.
 */

/** Cells per tile: one page request reads one tile. */
export const TILE_ROWS = 32;
export const TILE_COLS = 16;

/** A half-open range `[start, end)`. */
export interface Range { readonly start: number; readonly end: number }

/** The cells of size `cell` that a viewport of `viewport` pixels scrolled to `scroll` shows, plus `overscan` on each side, within `[0, total)`. */
export function visibleRange(scroll: number, viewport: number, cell: number, total: number, overscan = 1): Range {
  if (total <= 0 || cell <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scroll) / cell);
  const last = Math.ceil((Math.max(0, scroll) + Math.max(0, viewport)) / cell);
  return { start: Math.max(0, Math.min(total, first - overscan)), end: Math.max(0, Math.min(total, last + overscan)) };
}

/** A tile's place: tile row `tr`, tile column `tc`. */
export interface TileId { readonly tr: number; readonly tc: number }

/** The tiles that cover the cells `rows × cols` (empty when either range is empty). */
export function tilesCovering(rows: Range, cols: Range): TileId[] {
  if (rows.end <= rows.start || cols.end <= cols.start) return [];
  const out: TileId[] = [];
  for (let tr = Math.floor(rows.start / TILE_ROWS); tr * TILE_ROWS < rows.end; tr++) {
    for (let tc = Math.floor(cols.start / TILE_COLS); tc * TILE_COLS < cols.end; tc++) out.push({ tr, tc });
  }
  return out;
}

/** The block of cells tile `t` holds in a grid of `rows × cols` (the last tiles are cut short). */
export function tileBlock(t: TileId, rows: number, cols: number): { rowStart: number; rowCount: number; colStart: number; colCount: number } {
  const rowStart = t.tr * TILE_ROWS;
  const colStart = t.tc * TILE_COLS;
  return { rowStart, rowCount: Math.max(0, Math.min(TILE_ROWS, rows - rowStart)), colStart, colCount: Math.max(0, Math.min(TILE_COLS, cols - colStart)) };
}

/** The tile that holds cell (r, c) and the cell's position in it. */
export function tileOf(r: number, c: number): { tile: TileId; i: number; j: number } {
  const tr = Math.floor(r / TILE_ROWS);
  const tc = Math.floor(c / TILE_COLS);
  return { tile: { tr, tc }, i: r - tr * TILE_ROWS, j: c - tc * TILE_COLS };
}

/** A selected cell. */
export interface Cell { readonly r: number; readonly c: number }

/**
 * The selection after a key: arrows move one cell, PageUp/PageDown a page of rows, Home/End
 * the first/last column (with Ctrl: the first/last cell). `undefined` for other keys.
 */
export function moveSelection(sel: Cell, key: string, ctrl: boolean, rows: number, cols: number, pageRows: number): Cell | undefined {
  const clamp = (r: number, c: number): Cell => ({ r: Math.max(0, Math.min(rows - 1, r)), c: Math.max(0, Math.min(cols - 1, c)) });
  const page = Math.max(1, pageRows);
  switch (key) {
    case 'ArrowUp': return clamp(sel.r - 1, sel.c);
    case 'ArrowDown': return clamp(sel.r + 1, sel.c);
    case 'ArrowLeft': return clamp(sel.r, sel.c - 1);
    case 'ArrowRight': return clamp(sel.r, sel.c + 1);
    case 'PageUp': return clamp(sel.r - page, sel.c);
    case 'PageDown': return clamp(sel.r + page, sel.c);
    case 'Home': return ctrl ? clamp(0, 0) : clamp(sel.r, 0);
    case 'End': return ctrl ? clamp(rows - 1, cols - 1) : clamp(sel.r, cols - 1);
    default: return undefined;
  }
}

/** The scroll position that shows cell `[index·cell, (index+1)·cell)` in a viewport, moving as little as possible. */
export function scrollToShow(scroll: number, viewport: number, index: number, cell: number): number {
  const top = index * cell;
  const bottom = top + cell;
  if (top < scroll) return top;
  if (bottom > scroll + viewport) return Math.max(0, bottom - viewport);
  return scroll;
}

/** Put `key → value` in an insertion-ordered map used as an LRU cache of at most `max` entries. */
export function lruSet<K, V>(cache: Map<K, V>, key: K, value: V, max: number): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > max) {
    const oldest = cache.keys().next();
    if (oldest.done) break;
    cache.delete(oldest.value);
  }
}

/** Get `key` from an LRU map, marking it most recently used. */
export function lruGet<K, V>(cache: Map<K, V>, key: K): V | undefined {
  const v = cache.get(key);
  if (v !== undefined) { cache.delete(key); cache.set(key, v); }
  return v;
}
