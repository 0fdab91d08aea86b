/**
 * The array view shared by the `.npy` viewer and the notebook renderer: a NumPy basic index
 * over the array, two axes picked as rows × columns (the others held), the values grid, the
 * array as a picture when it is one, its heatmap, a line plot for 1-d data and the shown row.
 * Where values come from is the caller's: `fetch` answers page requests (the viewer's host
 * reads the file; the renderer reads the bytes in the output). Everything is shown as text.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Layout } from '../../../src/engine/layout';
import type { NpyPageData, NpyViewerStateV1, PageSpec } from '../../../src/protocol';
import { FieldTable } from './FieldTable';
import { Grid } from './Grid';
import { Heatmap } from './Heatmap';
import { ImageView } from './ImageView';
import { imageChoice, imageReadings, pictureFirst } from './image';
import { LinePlot } from './LinePlot';
import { applyIndex, cellIndex, chooseAxis, defaultChoice, fixChoice, gridExpression, gridSize, pageSpec, type AxisChoice } from './slicing';
import { useColorMap } from './theme';
import { textWidth } from './values';

/** What the view shows, kept across reloads: the index text, the axes, the heat toggle. */
export type ArrayViewState = Omit<NpyViewerStateV1, 'version' | 'member'>;

export interface ArrayViewProps {
  /** The array as its owner has it (the index applies to it). */
  base: Layout;
  dtypeStr: string;
  /** Values have numbers (heatmap, line plot). */
  numeric: boolean;
  /** A structured dtype: records also shown as a table with a column per field. */
  structured?: boolean;
  /** Read a page of `view` (texts only when asked; per-field texts with `fields`). */
  fetch: (view: Layout, spec: PageSpec, withText: boolean, fields?: boolean) => Promise<NpyPageData>;
  /** The colour range over the whole array when known (statistics), else the shown values'. */
  range: { lo: number; hi: number } | null;
  restored?: ArrayViewState;
  onState?: (s: ArrayViewState) => void;
  /** Test ids and element ids are prefixed per instance (several outputs share one document). */
  idPrefix?: string;
  /** Sections after the values, given the shown view (statistics, layout). */
  after?: (view: Layout) => ComponentChildren;
}

export function ArrayView(p: ArrayViewProps) {
  const { base } = p;
  const id = (s: string) => `${p.idPrefix ?? ''}${s}`;
  const start = useMemo(() => {
    const r = p.restored;
    const v = r ? applyIndex(base, r.expr) : undefined;
    if (v?.ok && r) return { expr: r.expr, view: v.value, choice: fixChoice(r, v.value.shape) };
    const reading = imageReadings(base.shape, p.dtypeStr)[0];
    const choice = pictureFirst(reading, p.dtypeStr) ? imageChoice(reading!, base.shape.length) : defaultChoice(base.shape);
    return { expr: '', view: base, choice };
  }, []);
  const [expr, setExpr] = useState(start.expr);
  const [view, setView] = useState<Layout>(start.view);
  const [exprError, setExprError] = useState<string | null>(null);
  const [choice, setChoice] = useState<AxisChoice>(start.choice);
  const [heat, setHeat] = useState(p.restored?.heat ?? false);
  const [sampleRange, setSampleRange] = useState<{ lo: number; hi: number } | null>(null);
  const readings = imageReadings(view.shape, p.dtypeStr);
  const [readingLabel, setReadingLabel] = useState<string | null>(null);
  const reading = readings.find((r) => r.label === readingLabel) ?? readings[0];
  const [picture, setPicture] = useState(() => pictureFirst(imageReadings(start.view.shape, p.dtypeStr)[0], p.dtypeStr));
  const colorMap = useColorMap();

  // An index that fails keeps the last good view (and says so); the grid never shows stale data under a new label.
  const applyExpr = (text: string) => {
    setExpr(text);
    const v = applyIndex(base, text);
    if (!v.ok) { setExprError(v.error); return; }
    setExprError(null);
    setView(v.value);
    setChoice((c) => (v.value.shape.length === view.shape.length ? fixChoice(c, v.value.shape) : defaultChoice(v.value.shape)));
  };
  const [goodExpr, setGoodExpr] = useState(start.expr);
  useEffect(() => { if (!exprError) setGoodExpr(expr); }, [expr, exprError]);

  const c = fixChoice(choice, view.shape);
  useEffect(() => {
    p.onState?.({ expr: goodExpr, rowAxis: c.rowAxis, colAxis: c.colAxis, index: c.index, heat });
  }, [goodExpr, c.rowAxis, c.colAxis, c.index.join(','), heat]);
  const { rows, cols } = gridSize(view.shape, c);
  const viewKey = JSON.stringify([view, c.rowAxis, c.colAxis, c.index.map((i, k) => (k === c.rowAxis || k === c.colAxis ? 0 : i))]);
  const range = p.range ?? sampleRange;
  const nd = view.shape.length;
  const shown = gridExpression(goodExpr, c, nd);
  // The line: a 1-d view itself, or the first shown row of a 2-d grid.
  const line: Layout | null = c.colAxis === null ? null : {
    shape: [view.shape[c.colAxis]!], strides: [view.strides[c.colAxis]!], itemsize: view.itemsize,
    offset: view.offset + c.index.reduce((o, i, k) => (k === c.colAxis || k === c.rowAxis ? o : o + i * view.strides[k]!), 0),
  };

  return (
    <>
      {reading && (
        <section aria-label="picture">
          <h2>picture</h2>
          <label class="npy-toggle"><input type="checkbox" data-testid="array-picture" checked={picture} onChange={(e) => setPicture(e.currentTarget.checked)} /> show as a picture</label>
          {readings.length > 1 && picture && (
            <select data-testid="array-reading" value={reading.label} onChange={(e) => setReadingLabel(e.currentTarget.value)} aria-label="how the axes read">
              {readings.map((r) => <option key={r.label} value={r.label}>{r.label}</option>)}
            </select>
          )}
          {picture && <ImageView view={view} reading={reading} dtypeStr={p.dtypeStr} viewKey={JSON.stringify(view)} fetch={(v, spec) => p.fetch(v, spec, false)} />}
        </section>
      )}

      <section aria-label="values">
        <h2>values</h2>
        <form class="npy-controls" onSubmit={(e) => e.preventDefault()}>
          <label for={id('npy-index')}>index</label>
          <input id={id('npy-index')} class="npy-index" data-testid="npy-index" spellcheck={false} placeholder="e.g. [3, :, ::2]" title="A NumPy basic index: integers, slices, None, ...; empty for the whole array"
            value={expr} onInput={(e) => applyExpr(e.currentTarget.value)} />
          {nd >= 2 && (
            <>
              <label for={id('npy-rows')}>rows</label>
              <select id={id('npy-rows')} data-testid="npy-rows" value={String(c.rowAxis)} onChange={(e) => setChoice(chooseAxis(c, 'row', Number(e.currentTarget.value)))}>
                {view.shape.map((n, k) => <option key={k} value={String(k)}>axis {k} ({n})</option>)}
              </select>
              <label for={id('npy-cols')}>columns</label>
              <select id={id('npy-cols')} data-testid="npy-cols" value={String(c.colAxis)} onChange={(e) => setChoice(chooseAxis(c, 'col', Number(e.currentTarget.value)))}>
                {view.shape.map((n, k) => <option key={k} value={String(k)}>axis {k} ({n})</option>)}
              </select>
            </>
          )}
          {view.shape.map((n, k) => (k === c.rowAxis || k === c.colAxis ? null : (
            <span key={k} class="npy-fixed">
              <label for={id(`npy-at-${k}`)}>axis {k}</label>
              <input id={id(`npy-at-${k}`)} data-testid={`npy-at-${k}`} type="number" min={0} max={Math.max(0, n - 1)} value={c.index[k] ?? 0}
                onInput={(e) => {
                  const i = Number(e.currentTarget.value);
                  if (Number.isInteger(i) && i >= 0 && i < n) setChoice({ ...c, index: c.index.map((x, j) => (j === k ? i : x)) });
                }} />
            </span>
          )))}
          {p.numeric && <label class="npy-toggle"><input type="checkbox" data-testid="npy-heat" checked={heat} onChange={(e) => setHeat(e.currentTarget.checked)} /> heat colours</label>}
        </form>
        {exprError && <p class="error" data-testid="npy-index-error">{exprError}{goodExpr !== expr ? ` — still showing ${goodExpr.trim() === '' ? 'the whole array' : goodExpr.trim()}` : ''}</p>}
        <p class="note" data-testid="npy-showing">showing <code>{shown}</code>: {rows} × {cols}</p>
        <Grid rows={rows} cols={cols} viewKey={viewKey} heat={heat} range={range} colorMap={colorMap} colChars={textWidth(p.dtypeStr)}
          describe={(r, col) => `[${cellIndex(c, r, col).join(', ')}]`}
          fetchTile={(b) => p.fetch(view, pageSpec(c, b.rowStart, b.rowCount, b.colStart, b.colCount), true)} />
      </section>

      {p.structured && line && (
        <section aria-label="fields">
          <h2>{nd === 1 ? 'records' : 'records of the first shown row'}</h2>
          <FieldTable line={line} viewKey={JSON.stringify(line)} label={nd === 1 ? shown : lineLabel(shown, c)} fetch={(v, spec) => p.fetch(v, spec, false, true)} />
        </section>
      )}

      {p.numeric && nd >= 2 && (
        <section aria-label="heatmap">
          <h2>heatmap</h2>
          <Heatmap view={view} choice={c} viewKey={viewKey} colorMap={colorMap} range={p.range} onSampleRange={setSampleRange}
            fetch={(v, spec) => p.fetch(v, spec, false)} />
        </section>
      )}

      {p.numeric && line && (
        <section aria-label="line plot">
          <h2>{nd === 1 ? 'line' : 'line of the first shown row'}</h2>
          <LinePlot line={line} viewKey={JSON.stringify(line)} label={nd === 1 ? shown : lineLabel(shown, c)} fetch={(v, spec) => p.fetch(v, spec, false)} />
        </section>
      )}

      {p.after?.(view)}
    </>
  );
}

/** `a[…][0]` for the first row of the shown grid, `a[…]` for a 1-d line. */
function lineLabel(shown: string, c: AxisChoice): string {
  return c.rowAxis === null ? shown : `${shown}[0]`;
}
