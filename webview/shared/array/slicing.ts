/**
 * Which part of an N-d array the viewer shows: a NumPy basic index (`[3, :, ::2]`) makes a
 * view with the engine's `indexView`; of the view's axes, two are shown (rows × columns) and
 * the others are held at an index. Pure: plain data in and out.
 */
import type { Layout } from '../../../src/engine/layout';
import type { Result } from '../../../src/engine/report';
import { indexView, parseIndex } from '../../../src/engine/views';
import type { PageSpec } from '../../../src/protocol';

/** The two shown axes of a view (`null` = none) and the index of every other axis. */
export interface AxisChoice {
  readonly rowAxis: number | null;
  readonly colAxis: number | null;
  /** One entry per view axis; entries of the shown axes are ignored. */
  readonly index: readonly number[];
}

/** The view `base[expr]`; an empty expression is the array itself. */
export function applyIndex(base: Layout, expr: string): Result<Layout> {
  if (expr.trim() === '') return { ok: true, value: base };
  const items = parseIndex(expr);
  if (!items.ok) return items;
  return indexView(base, items.value);
}

/** The default choice for a view of `shape`: the last two axes as rows × columns, the others at 0. */
export function defaultChoice(shape: readonly number[]): AxisChoice {
  const nd = shape.length;
  if (nd === 0) return { rowAxis: null, colAxis: null, index: [] };
  if (nd === 1) return { rowAxis: null, colAxis: 0, index: [0] };
  return { rowAxis: nd - 2, colAxis: nd - 1, index: shape.map(() => 0) };
}

/** `c` made valid for `shape` (after the view changed): axes kept when they still exist, indices clamped. */
export function fixChoice(c: AxisChoice, shape: readonly number[]): AxisChoice {
  const nd = shape.length;
  const ok = (a: number | null) => a !== null && a >= 0 && a < nd;
  const d = defaultChoice(shape);
  let rowAxis = ok(c.rowAxis) ? c.rowAxis : d.rowAxis;
  let colAxis = ok(c.colAxis) ? c.colAxis : d.colAxis;
  if (rowAxis !== null && rowAxis === colAxis) { rowAxis = d.rowAxis; colAxis = d.colAxis; }
  if (nd >= 2 && (rowAxis === null || colAxis === null)) { rowAxis = d.rowAxis; colAxis = d.colAxis; }
  const index = shape.map((n, k) => Math.max(0, Math.min(n - 1, Math.trunc(c.index[k] ?? 0))));
  return { rowAxis, colAxis, index };
}

/** Choose axis `axis` for `which` side; if it was the other side's, the two swap. */
export function chooseAxis(c: AxisChoice, which: 'row' | 'col', axis: number): AxisChoice {
  if (which === 'row') return axis === c.colAxis ? { ...c, rowAxis: axis, colAxis: c.rowAxis } : { ...c, rowAxis: axis };
  return axis === c.rowAxis ? { ...c, colAxis: axis, rowAxis: c.colAxis } : { ...c, colAxis: axis };
}

/** Rows and columns shown for `c` over a view of `shape`. */
export function gridSize(shape: readonly number[], c: AxisChoice): { rows: number; cols: number } {
  return { rows: c.rowAxis === null ? 1 : shape[c.rowAxis] ?? 0, cols: c.colAxis === null ? 1 : shape[c.colAxis] ?? 0 };
}

/** The page request for a block of the shown grid. */
export function pageSpec(c: AxisChoice, rowStart: number, rowCount: number, colStart: number, colCount: number): PageSpec {
  return { rowAxis: c.rowAxis, colAxis: c.colAxis, index: [...c.index], rowStart, rowCount, colStart, colCount };
}

/** The NumPy index of grid cell (r, c) in the view, e.g. `[2, 5, 0]`. */
export function cellIndex(c: AxisChoice, r: number, col: number): number[] {
  return c.index.map((i, k) => (k === c.rowAxis ? r : k === c.colAxis ? col : i));
}

/** Python text of the expression that shows the current 2-d grid of the array (`a[1, :, 2, :]`; `.T` when rows come after columns). */
export function gridExpression(expr: string, c: AxisChoice, nd: number): string {
  const items = Array.from({ length: nd }, (_, k) => (k === c.rowAxis || k === c.colAxis ? ':' : String(c.index[k] ?? 0)));
  const base = expr.trim() === '' ? 'a' : `a${expr.trim().startsWith('[') ? expr.trim() : `[${expr.trim()}]`}`;
  const fixed = items.some((x) => x !== ':');
  const sel = fixed ? `[${items.join(', ')}]` : '';
  const transposed = c.rowAxis !== null && c.colAxis !== null && c.rowAxis > c.colAxis;
  return `${base}${sel}${transposed ? '.T' : ''}`;
}

/**
 * A sample of the shown grid with at most `maxRows × maxCols` cells: every `rowStep`-th row
 * and `colStep`-th column, as a view (strides multiplied) so only those elements are read.
 * With `sameStep` both axes take the larger step, so a picture of the sample keeps the
 * array's aspect ratio.
 */
export function sampledView(view: Layout, c: AxisChoice, maxRows: number, maxCols: number, sameStep = false): { view: Layout; rowStep: number; colStep: number; rows: number; cols: number } {
  const { rows, cols } = gridSize(view.shape, c);
  const steps = [Math.max(1, Math.ceil(rows / maxRows)), Math.max(1, Math.ceil(cols / maxCols))];
  const rowStep = sameStep ? Math.max(...steps) : steps[0]!;
  const colStep = sameStep ? Math.max(...steps) : steps[1]!;
  const shape = [...view.shape];
  const strides = [...view.strides];
  if (c.rowAxis !== null) { shape[c.rowAxis] = Math.ceil(rows / rowStep); strides[c.rowAxis] = view.strides[c.rowAxis]! * rowStep; }
  if (c.colAxis !== null) { shape[c.colAxis] = Math.ceil(cols / colStep); strides[c.colAxis] = view.strides[c.colAxis]! * colStep; }
  const s = gridSize(shape, c);
  return { view: { ...view, shape, strides }, rowStep, colStep, rows: s.rows, cols: s.cols };
}

/** `2nd`, `3rd`, `11th`, `22nd`: for "every k-th row" captions. */
export function ordinal(k: number): string {
  const t = k % 100;
  const suffix = t >= 11 && t <= 13 ? 'th' : k % 10 === 1 ? 'st' : k % 10 === 2 ? 'nd' : k % 10 === 3 ? 'rd' : 'th';
  return `${k}${suffix}`;
}
