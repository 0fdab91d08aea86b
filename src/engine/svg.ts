/**
 * Standalone SVG pictures of a view over its buffer, for docs, papers and teaching
 * (`stride-lens diagram --svg`): the stride diagram (the buffer as a strip with a ruler,
 * coloured by how many view indices read each byte, out-of-bounds bytes hatched past the
 * buffer's ends, each dimension's stride drawn as a jump, and a grid of the view's indices
 * with their addresses) and the patch grid (windows over a 2-d base, a heat layer of how many
 * windows read each pixel, the first windows outlined, the output-size rule).
 *
 * Pure string building: every text from the caller is escaped; no scripts, no external
 * resources. Machine-readable attributes (`data-low`, `data-high`, `data-index`) let tests
 * and tools check the picture against the model.
 */
import type { Coverage, WindowGeometry } from './coverage';
import { stripRuns, windowPixels } from './coverage';
import type { Layout } from './layout';

const W = 960;
const STRIP_X = 60;
const STRIP_W = 860;
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Fill for a reader count: none, once, and overlap in deepening reds. */
function readerColor(readers: number, max: number): string {
  if (readers <= 0) return '#f1f3f5';
  if (readers <= 1) return '#4c8bd6';
  const t = Math.min(1, (readers - 1) / Math.max(1, max - 1));
  const g = Math.round(150 - 110 * t);
  return `rgb(230,${g},${Math.round(60 - 40 * t)})`;
}

const tuple = (xs: readonly number[]): string => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`);

export interface DiagramInput {
  readonly view: Layout;
  readonly coverage: Coverage;
  /** What the source is called in the picture (`image`, `the buffer`). */
  readonly name?: string;
}

/** The stride diagram as a standalone SVG document. */
export function strideDiagramSvg(d: DiagramInput): string {
  const { view, coverage: c } = d;
  const unit = c.unit === 'bytes' ? 'B' : 'el';
  const name = d.name ?? 'the buffer';
  const span = Math.max(1, c.range.high - c.range.low);
  const x = (at: number): number => STRIP_X + ((at - c.range.low) / span) * STRIP_W;
  const parts: string[] = [];
  const head = `view ${tuple(view.shape)} · strides ${tuple(view.strides)} ${unit} · offset ${view.offset} ${unit} · itemsize ${c.unit === 'bytes' ? `${view.itemsize} B` : '1 element'} · ${name}: ${c.buffer.high} ${unit}`;
  parts.push(`<text x="${STRIP_X}" y="24" font-size="14" font-weight="bold" ${FONT}>${escapeXml(head)}</text>`);
  if (c.aggregated) parts.push(`<text x="${STRIP_X}" y="42" font-size="12" fill="#b35900" ${FONT}>aggregated: ${c.count} indices, readers averaged per ${unit === 'B' ? 'byte' : 'element'} in each run</text>`);

  // The strip, drawn at pixel resolution: each pixel column takes the most readers under it.
  const top = 70;
  const h = 36;
  for (const run of stripRuns(c, STRIP_W)) {
    parts.push(`<rect x="${STRIP_X + run.from}" y="${top}" width="${run.to - run.from}" height="${h}" fill="${readerColor(run.readers, c.maxReaders)}"/>`);
  }
  parts.push(`<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fde2e1" fill-opacity="0.55"/><line x1="0" y1="0" x2="0" y2="8" stroke="#c92a2a" stroke-width="2"/></pattern></defs>`);
  // Out of bounds: before the start and past the end of the buffer.
  if (c.range.low < c.buffer.low) parts.push(oobRect(x(c.range.low), x(c.buffer.low), top, h, c.range.low, c.buffer.low, `${c.buffer.low - c.range.low} ${unit} before the start`));
  if (c.range.high > c.buffer.high) parts.push(oobRect(x(c.buffer.high), x(c.range.high), top, h, c.buffer.high, c.range.high, `${c.range.high - c.buffer.high} ${unit} past the end`));
  parts.push(`<rect x="${x(c.buffer.low)}" y="${top}" width="${Math.max(0, x(c.buffer.high) - x(c.buffer.low))}" height="${h}" fill="none" stroke="#212529" stroke-width="1.5" class="buffer" data-low="${c.buffer.low}" data-high="${c.buffer.high}"/>`);
  // Ruler.
  const ticks = 10;
  for (let t = 0; t <= ticks; t++) {
    const at = Math.round(c.range.low + (span * t) / ticks);
    parts.push(`<line x1="${x(at)}" y1="${top + h}" x2="${x(at)}" y2="${top + h + 5}" stroke="#495057"/>`);
    parts.push(`<text x="${x(at)}" y="${top + h + 18}" font-size="10" text-anchor="middle" fill="#495057" ${FONT}>${at}</text>`);
  }
  parts.push(`<text x="${STRIP_X - 6}" y="${top + h / 2 + 4}" font-size="11" text-anchor="end" ${FONT}>${unit === 'B' ? 'bytes' : 'elements'}</text>`);

  // Jumps: from index 0 one step along each dimension.
  const nd = view.shape.length;
  const arrowY = top - 8;
  let y = top + h + 44;
  view.shape.forEach((n, k) => {
    const s = view.strides[k]!;
    const from = x(view.offset);
    const to = x(view.offset + s);
    const color = ['#2b8a3e', '#862e9c', '#e67700', '#1864ab', '#c2255c', '#5c940d'][k % 6]!;
    if (n >= 2 && s !== 0) {
      const lift = 10 + 6 * (nd - k);
      parts.push(`<path d="M ${from} ${arrowY} C ${from} ${arrowY - lift}, ${to} ${arrowY - lift}, ${to} ${arrowY}" fill="none" stroke="${color}" stroke-width="1.5" marker-end="url(#arrow${k})"/>`);
      parts.push(`<defs><marker id="arrow${k}" markerWidth="8" markerHeight="8" refX="4" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="${color}"/></marker></defs>`);
    }
    const el = c.unit === 'bytes' && view.itemsize ? ` = ${s / view.itemsize} element${Math.abs(s / view.itemsize) === 1 ? '' : 's'}` : '';
    parts.push(`<text x="${STRIP_X}" y="${y}" font-size="12" fill="${color}" ${FONT}>dim ${k}: ${n} × jump of ${s} ${unit}${el}${s === 0 ? ' (every index reads the same bytes: broadcast)' : s < 0 ? ' (backwards)' : ''}</text>`);
    y += 17;
  });

  // Legend.
  y += 6;
  const legend: [string, string][] = [[readerColor(0, 1), 'not read'], [readerColor(1, 1), 'read once'], [readerColor(c.maxReaders, c.maxReaders), `read by up to ${Math.round(c.maxReaders * 100) / 100} indices (overlap)`]];
  let lx = STRIP_X;
  for (const [fill, label] of legend) {
    parts.push(`<rect x="${lx}" y="${y - 10}" width="12" height="12" fill="${fill}"/><text x="${lx + 16}" y="${y}" font-size="11" ${FONT}>${escapeXml(label)}</text>`);
    lx += 40 + label.length * 6.2;
  }
  parts.push(`<rect x="${lx}" y="${y - 10}" width="12" height="12" fill="url(#hatch)"/><text x="${lx + 16}" y="${y}" font-size="11" ${FONT}>out of bounds</text>`);
  y += 24;

  // The index grid: the last two dimensions, the others at 0.
  const grid = indexGrid(view, c, STRIP_X, y);
  parts.push(grid.svg);
  y = grid.bottom + 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>\n`;
}

function oobRect(x0: number, x1: number, top: number, h: number, low: number, high: number, label: string): string {
  return `<rect x="${x0}" y="${top}" width="${Math.max(1, x1 - x0)}" height="${h}" fill="url(#hatch)" class="oob" data-low="${low}" data-high="${high}"/>`
    + `<text x="${(x0 + x1) / 2}" y="${top - 4}" font-size="11" text-anchor="middle" fill="#c92a2a" ${FONT}>${escapeXml(label)}</text>`;
}

const GRID_MAX = 16;

function indexGrid(view: Layout, c: Coverage, left: number, top: number): { svg: string; bottom: number } {
  const nd = view.shape.length;
  const rows = nd >= 2 ? view.shape[nd - 2]! : 1;
  const cols = nd >= 1 ? view.shape[nd - 1]! : 1;
  const shownR = Math.min(rows, GRID_MAX);
  const shownC = Math.min(cols, GRID_MAX);
  const cw = Math.min(52, Math.floor(840 / Math.max(1, shownC)));
  const ch = 22;
  const parts: string[] = [];
  const fixed = nd > 2 ? `index [${new Array(nd - 2).fill('0').join(', ')}, i, j]` : nd === 2 ? 'index [i, j]' : nd === 1 ? 'index [j]' : 'index []';
  parts.push(`<text x="${left}" y="${top}" font-size="12" font-weight="bold" ${FONT}>${escapeXml(`view indices: ${fixed}, each cell its address`)}${rows > shownR || cols > shownC ? ` (first ${shownR}×${shownC} of ${rows}×${cols})` : ''}</text>`);
  const y0 = top + 8;
  for (let i = 0; i < shownR; i++) {
    for (let j = 0; j < shownC; j++) {
      const addr = view.offset + (nd >= 2 ? i * view.strides[nd - 2]! : 0) + (nd >= 1 ? j * view.strides[nd - 1]! : 0);
      const out = addr < c.buffer.low || addr + view.itemsize > c.buffer.high;
      const idx = nd > 2 ? [...new Array<number>(nd - 2).fill(0), i, j] : nd === 2 ? [i, j] : nd === 1 ? [j] : [];
      parts.push(`<rect x="${left + j * cw}" y="${y0 + i * ch}" width="${cw - 2}" height="${ch - 2}" fill="${out ? 'url(#hatch)' : '#e7f0fb'}" stroke="${out ? '#c92a2a' : '#a5c3e8'}" data-index="${idx.join(',')}" data-address="${addr}"${out ? ' class="oob-index"' : ''}/>`);
      parts.push(`<text x="${left + j * cw + (cw - 2) / 2}" y="${y0 + i * ch + 15}" font-size="10" text-anchor="middle" ${FONT}>${addr}</text>`);
    }
  }
  if (nd === 0 || view.shape.some((n) => n === 0)) parts.push(`<text x="${left}" y="${y0 + 14}" font-size="11" ${FONT}>the view is empty: it reads nothing</text>`);
  return { svg: parts.join(''), bottom: y0 + Math.max(1, shownR) * ch };
}

export interface PatchInput {
  readonly geometry: WindowGeometry;
  /** Windows reading each base pixel, C order (from `baseReaders`). */
  readonly heat: Uint32Array;
  readonly name?: string;
}

/** The patch grid of a window view over a 2-d base, as a standalone SVG document. */
export function patchGridSvg(p: PatchInput): string {
  const g = p.geometry;
  const H = g.baseRows;
  const Wd = g.baseCols;
  let max = 0;
  for (const v of p.heat) if (v > max) max = v;
  const cell = Math.max(4, Math.min(28, Math.floor(860 / Math.max(Wd, 1))));
  const left = 50;
  const top = 84;
  // Pixels windows read past the base: rows below it, drawn shaded.
  const extraRows = Math.max(0, ...windowPixels(g, g.outRows - 1, g.outCols - 1).map(([r]) => r + 1 - H), 0);
  const parts: string[] = [];
  const kRows = g.dilationRows * (g.winRows - 1) + 1;
  const kCols = g.dilationCols * (g.winCols - 1) + 1;
  const rule = (n: number, k: number, s: number, out: number): string => `(${n} − ${k}) // ${s} + 1 = ${Math.floor((n - k) / s) + 1}${Math.floor((n - k) / s) + 1 === out ? '' : ` (the view has ${out})`}`;
  parts.push(`<text x="${left}" y="24" font-size="14" font-weight="bold" ${FONT}>${escapeXml(`${g.outRows}×${g.outCols} windows of ${g.winRows}×${g.winCols} over ${p.name ?? 'the image'} (${H}×${Wd}), stride ${g.strideRows}×${g.strideCols}, dilation ${g.dilationRows}×${g.dilationCols}`)}</text>`);
  parts.push(`<text x="${left}" y="44" font-size="12" ${FONT}>${escapeXml(`output rows = ${rule(H, kRows, Math.max(1, g.strideRows), g.outRows)}; output cols = ${rule(Wd, kCols, Math.max(1, g.strideCols), g.outCols)}`)}</text>`);
  parts.push(`<text x="${left}" y="62" font-size="11" fill="#495057" ${FONT}>shade: how many windows read each pixel (up to ${max}); outlined: window (0, 0) solid, window (0, 1) dashed</text>`);
  parts.push(`<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fde2e1"/><line x1="0" y1="0" x2="0" y2="8" stroke="#c92a2a" stroke-width="2"/></pattern></defs>`);
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < Wd; c++) {
      const v = p.heat[r * Wd + c] ?? 0;
      const t = max ? v / max : 0;
      const fill = v === 0 ? '#ffffff' : `rgb(${Math.round(220 - 170 * t)},${Math.round(232 - 130 * t)},${Math.round(250 - 60 * t)})`;
      parts.push(`<rect x="${left + c * cell}" y="${top + r * cell}" width="${cell}" height="${cell}" fill="${fill}" stroke="#dee2e6" stroke-width="0.5" data-pixel="${r},${c}" data-readers="${v}"/>`);
    }
  }
  for (let r = H; r < H + extraRows; r++) {
    for (let c = 0; c < Wd; c++) parts.push(`<rect x="${left + c * cell}" y="${top + r * cell}" width="${cell}" height="${cell}" fill="url(#hatch)" class="oob" data-pixel="${r},${c}"/>`);
  }
  if (extraRows) parts.push(`<text x="${left}" y="${top + (H + extraRows) * cell + 16}" font-size="11" fill="#c92a2a" ${FONT}>hatched: ${extraRows} row${extraRows === 1 ? '' : 's'} past the end of the image that windows read</text>`);
  const outline = (r: number, c: number, dash: string): void => {
    for (const [y, x] of windowPixels(g, r, c)) parts.push(`<rect x="${left + x * cell + 1}" y="${top + y * cell + 1}" width="${cell - 2}" height="${cell - 2}" fill="none" stroke="#e8590c" stroke-width="2"${dash} data-window="${r},${c}"/>`);
  };
  if (g.outRows > 0 && g.outCols > 0) outline(0, 0, '');
  if (g.outRows > 0 && g.outCols > 1) outline(0, 1, ' stroke-dasharray="3 2"');
  const height = top + (H + extraRows) * cell + 30;
  const width = Math.max(W, left + Wd * cell + 20);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>\n`;
}
