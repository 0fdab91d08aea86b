/**
 * The values grid, virtualized: only visible cells are in the DOM, and only the tiles that
 * cover them are requested (each once, cached). Keyboard: arrows, PageUp/PageDown, Home/End
 * (Ctrl+Home/End for the corners).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NpyPageData } from '../../../src/protocol';
import { colorOf, cssRgb, textOn, type ColorMap } from './colors';
import { lruGet, lruSet, moveSelection, scrollToShow, tileBlock, tileOf, tilesCovering, visibleRange, type Cell, type TileId } from './tiles';

const ROW_H = 22;
/** Column width when the caller gives none. */
const DEFAULT_COL_W = 120;
const HEAD_W = 64;
const HEAD_H = 22;
const MAX_TILES = 256;
const MAX_HEIGHT = 360;
const SCROLLBAR = 18;

type Tile = { data: NpyPageData } | { error: string };

export interface GridProps {
  rows: number;
  cols: number;
  /** Identifies what the grid shows; cached tiles are per key. */
  viewKey: string;
  fetchTile: (block: { rowStart: number; rowCount: number; colStart: number; colCount: number }) => Promise<NpyPageData>;
  heat: boolean;
  range: { lo: number; hi: number } | null;
  colorMap: ColorMap;
  /** Text for the selected cell's index (`[2, 5]`). */
  describe: (r: number, c: number) => string;
  /** Characters a column must hold (the dtype's longest text); widths follow the grid's font. */
  colChars?: number;
}

export function Grid(p: GridProps) {
  const box = useRef<HTMLDivElement>(null);
  const [charPx, setCharPx] = useState<number | null>(null);
  const COL_W = p.colChars && charPx ? Math.min(400, Math.max(56, Math.ceil(p.colChars * charPx) + 14)) : DEFAULT_COL_W;
  const cache = useRef(new Map<string, Tile>());
  const inflight = useRef(new Set<string>());
  const [, setVersion] = useState(0);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [size, setSize] = useState({ w: 800, h: 400 });
  const [sel, setSel] = useState<Cell>({ r: 0, c: 0 });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setSize({ w: el.clientWidth, h: el.clientHeight });
    measure();
    // The width of one character of the grid's (monospace) font, from a probe of 20 digits.
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(20);
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    el.append(probe);
    setCharPx(probe.getBoundingClientRect().width / 20 || null);
    probe.remove();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    setSel({ r: 0, c: 0 });
    if (box.current) { box.current.scrollTop = 0; box.current.scrollLeft = 0; }
    setScroll({ top: 0, left: 0 });
  }, [p.viewKey]);

  const rr = visibleRange(scroll.top, size.h - HEAD_H, ROW_H, p.rows);
  const cr = visibleRange(scroll.left, size.w - HEAD_W, COL_W, p.cols);
  const tiles = tilesCovering(rr, cr);
  const key = (t: TileId) => `${p.viewKey}|${t.tr},${t.tc}`;

  useEffect(() => {
    for (const t of tiles) {
      const k = key(t);
      if (cache.current.has(k) || inflight.current.has(k)) continue;
      inflight.current.add(k);
      p.fetchTile(tileBlock(t, p.rows, p.cols)).then(
        (data) => lruSet(cache.current, k, { data }, MAX_TILES),
        (e: unknown) => lruSet(cache.current, k, { error: e instanceof Error ? e.message : String(e) }, MAX_TILES),
      ).finally(() => {
        inflight.current.delete(k);
        setVersion((v) => v + 1);
      });
    }
  });

  const cellAt = (r: number, c: number): { text: string; value: NpyPageData['values'][number] } | { error: string } | undefined => {
    const { tile, i, j } = tileOf(r, c);
    const t = lruGet(cache.current, key(tile));
    if (!t) return undefined;
    if ('error' in t) return t;
    const k = i * t.data.cols + j;
    return { text: t.data.texts[k] ?? '', value: t.data.values[k] ?? null };
  };

  const pageRows = Math.max(1, Math.floor((size.h - HEAD_H) / ROW_H) - 1);
  const onKey = (e: KeyboardEvent) => {
    const next = moveSelection(sel, e.key, e.ctrlKey || e.metaKey, p.rows, p.cols, pageRows);
    if (!next || p.rows === 0 || p.cols === 0) return;
    e.preventDefault();
    setSel(next);
    const el = box.current;
    if (el) {
      el.scrollTop = scrollToShow(el.scrollTop, el.clientHeight - HEAD_H, next.r, ROW_H);
      el.scrollLeft = scrollToShow(el.scrollLeft, el.clientWidth - HEAD_W, next.c, COL_W);
    }
  };

  const cells = [];
  let firstError: string | undefined;
  for (let r = rr.start; r < rr.end; r++) {
    for (let c = cr.start; c < cr.end; c++) {
      const v = cellAt(r, c);
      if (v && 'error' in v) { firstError ??= v.error; continue; }
      const bg = p.heat && v ? colorOf(v.value, p.range?.lo ?? 0, p.range?.hi ?? 0, p.colorMap) : null;
      const special = v && typeof v.value === 'string' ? ` npy-${v.value === 'nan' ? 'nan' : v.value === 'inf' ? 'posinf' : 'neginf'}` : '';
      cells.push(
        <div key={`${r},${c}`} role="gridcell" data-r={r} data-c={c}
          class={`npy-cell${r === sel.r && c === sel.c ? ' selected' : ''}${v ? '' : ' loading'}${special}`}
          title={v ? v.text : undefined}
          style={{ top: `${HEAD_H + r * ROW_H}px`, left: `${HEAD_W + c * COL_W}px`, width: `${COL_W}px`, ...(bg ? { background: cssRgb(bg), color: cssRgb(textOn(bg)) } : {}) }}
          onMouseDown={() => setSel({ r, c })}>
          {v ? v.text : '…'}
        </div>,
      );
    }
  }
  const heads = [];
  for (let c = cr.start; c < cr.end; c++) {
    heads.push(<div key={`h${c}`} class="npy-head col" style={{ top: `${scroll.top}px`, left: `${HEAD_W + c * COL_W}px`, width: `${COL_W}px` }}>{c}</div>);
  }
  for (let r = rr.start; r < rr.end; r++) {
    heads.push(<div key={`v${r}`} class="npy-head row" style={{ top: `${HEAD_H + r * ROW_H}px`, left: `${scroll.left}px` }}>{r}</div>);
  }
  const selected = p.rows > 0 && p.cols > 0 ? cellAt(sel.r, sel.c) : undefined;

  return (
    <div class="npy-grid-wrap">
      <div class="npy-status" data-testid="npy-selected">
        {p.rows === 0 || p.cols === 0 ? 'empty: nothing to show'
          : `${p.describe(sel.r, sel.c)} = ${selected && !('error' in selected) ? selected.text : '…'}`}
      </div>
      {firstError && <div class="error" data-testid="npy-grid-error">{firstError}</div>}
      <div ref={box} class="npy-grid" tabIndex={0} role="grid" aria-rowcount={p.rows} aria-colcount={p.cols} aria-label="array values"
        data-testid="npy-grid" style={{ height: `${Math.min(MAX_HEIGHT, HEAD_H + p.rows * ROW_H + SCROLLBAR)}px` }} onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })} onKeyDown={onKey}>
        <div class="npy-grid-space" style={{ width: `${HEAD_W + p.cols * COL_W}px`, height: `${HEAD_H + p.rows * ROW_H}px` }}>
          {cells}
          {heads}
          <div class="npy-head corner" style={{ top: `${scroll.top}px`, left: `${scroll.left}px` }} />
        </div>
      </div>
    </div>
  );
}
