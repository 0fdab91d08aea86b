/**
 * The heatmap of the shown 2-d grid on a canvas at the grid's aspect ratio: at most 256 cells
 * on the long side, sampled with one step on both axes by striding the view (said so in the
 * caption) so only those elements are read; a colour bar with the range, NaN and infinities.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Layout } from '../../../src/engine/layout';
import type { NpyPageData } from '../../../src/protocol';
import { colorOf, cssRgb, finiteRange, rampColor, type ColorMap } from './colors';
import { ordinal, pageSpec, sampledView, type AxisChoice } from './slicing';

const MAX_SIDE = 256;

export interface HeatmapProps {
  view: Layout;
  choice: AxisChoice;
  viewKey: string;
  fetch: (view: Layout, spec: ReturnType<typeof pageSpec>) => Promise<NpyPageData>;
  colorMap: ColorMap;
  /** The colour range from the statistics when known; else the sample's own. */
  range: { lo: number; hi: number } | null;
  onSampleRange: (r: { lo: number; hi: number } | null) => void;
}

export function Heatmap(p: HeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [data, setData] = useState<{ key: string; page: NpyPageData; rowStep: number; colStep: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const s = sampledView(p.view, p.choice, MAX_SIDE, MAX_SIDE, true);

  useEffect(() => {
    let live = true;
    setError(null);
    if (s.rows === 0 || s.cols === 0) { setData(null); return; }
    p.fetch(s.view, pageSpec(p.choice, 0, s.rows, 0, s.cols)).then(
      (page) => {
        if (!live) return;
        setData({ key: p.viewKey, page, rowStep: s.rowStep, colStep: s.colStep });
        p.onSampleRange(finiteRange(page.values));
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => { live = false; };
  }, [p.viewKey]);

  const range = p.range ?? (data ? finiteRange(data.page.values) : null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !data) return;
    const { rows, cols, values } = data.page;
    c.width = Math.max(1, cols);
    c.height = Math.max(1, rows);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(c.width, c.height);
    for (let k = 0; k < rows * cols; k++) {
      const col = colorOf(values[k] ?? null, range?.lo ?? 0, range?.hi ?? 0, p.colorMap);
      img.data[4 * k] = col?.[0] ?? 0;
      img.data[4 * k + 1] = col?.[1] ?? 0;
      img.data[4 * k + 2] = col?.[2] ?? 0;
      img.data[4 * k + 3] = col ? 255 : 0;
    }
    ctx.putImageData(img, 0, 0);
  }, [data, range?.lo, range?.hi, p.colorMap]);

  if (error) return <div class="error" data-testid="npy-heatmap-error">{error}</div>;
  if (s.rows === 0 || s.cols === 0) return <div class="note">empty: no heatmap</div>;
  // Small grids are drawn larger (whole pixels per cell); a 1-row strip keeps a visible height.
  const scale = Math.max(1, Math.floor(320 / Math.max(s.rows, s.cols)));
  const cssHeight = Math.max(s.rows * scale, s.rows === 1 ? 16 : 0);
  const legendStops = [0, 0.25, 0.5, 0.75, 1].map((t) => cssRgb(rampColor(p.colorMap.stops, t)));
  return (
    <div class="npy-heatmap">
      <canvas ref={canvas} data-testid="npy-heatmap" aria-label="heatmap of the shown values"
        style={{ width: `${s.cols * scale}px`, height: `${cssHeight}px` }} />
      <div class="npy-legend">
        <span>{range ? fmt(range.lo) : '—'}</span>
        <span class="npy-ramp" style={{ background: `linear-gradient(to right, ${legendStops.join(', ')})` }} />
        <span>{range ? fmt(range.hi) : '—'}</span>
        <Swatch color={cssRgb(p.colorMap.nan)} label="NaN" />
        <Swatch color={cssRgb(p.colorMap.posInf)} label="+inf" />
        <Swatch color={cssRgb(p.colorMap.negInf)} label="−inf" />
      </div>
      <div class="note" data-testid="npy-heatmap-caption">
        {s.rowStep > 1 || s.colStep > 1 ? `sampled: every ${ordinal(s.rowStep)} row and column (${s.rows} × ${s.cols})` : `all ${s.rows} × ${s.cols} values`}
        {p.range ? '; colours over the whole array’s range' : '; colours over the shown values’ range'}
      </div>
    </div>
  );
}

function Swatch({ color, label }: { color: string; label: string }) {
  return <span class="npy-swatch"><span class="npy-swatch-box" style={{ background: color }} />{label}</span>;
}

/** A number for a legend or statistic: up to 7 significant digits. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-4 && a < 1e7 ? String(Number(x.toPrecision(7))) : x.toExponential(6).replace(/\.?0+e/, 'e');
}
