/**
 * A 1-d array (or the shown row of a grid) as a line: at most 1024 points, sampled by striding
 * the view (said in the caption) so only those elements are read; NaN and infinities break
 * the line and are counted.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Layout } from '../../../src/engine/layout';
import type { NpyPageData, PageSpec } from '../../../src/protocol';
import { fmt } from './Heatmap';
import { ordinal } from './slicing';
import { cellNumber } from './values';

const MAX_POINTS = 1024;
const WIDTH = 640;
const HEIGHT = 160;

export interface LinePlotProps {
  /** A 1-d view: the values along its only axis are plotted. */
  line: Layout;
  viewKey: string;
  /** What the line is, for the caption (`a`, `a[3, :]`). */
  label: string;
  fetch: (view: Layout, spec: PageSpec) => Promise<NpyPageData>;
}

export function LinePlot(p: LinePlotProps) {
  const n = p.line.shape[0] ?? 0;
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const count = Math.ceil(n / step);
  const [data, setData] = useState<{ key: string; ys: (number | null)[] } | { key: string; error: string } | null>(null);

  useEffect(() => {
    let live = true;
    if (count === 0) return;
    const sampled: Layout = { ...p.line, shape: [count], strides: [p.line.strides[0]! * step] };
    p.fetch(sampled, { rowAxis: null, colAxis: 0, index: [0], rowStart: 0, rowCount: 1, colStart: 0, colCount: count }).then(
      (page) => live && setData({ key: p.viewKey, ys: page.values.map(cellNumber) }),
      (e: unknown) => live && setData({ key: p.viewKey, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
  }, [p.viewKey]);

  if (count === 0) return <p class="note">empty: no line</p>;
  if (!data) return <p class="note">reading…</p>;
  if ('error' in data) return <p class="error" data-testid="array-line-error">{data.error}</p>;
  const finite = data.ys.filter((y): y is number => y !== null && Number.isFinite(y));
  const bad = data.ys.length - finite.length;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!finite.length) { lo = 0; hi = 1; }
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  const x = (k: number) => (count === 1 ? WIDTH / 2 : (k / (count - 1)) * WIDTH);
  const y = (v: number) => HEIGHT - ((v - lo) / (hi - lo)) * HEIGHT;
  const runs: string[] = [];
  let cur: string[] = [];
  data.ys.forEach((v, k) => {
    if (v === null || !Number.isFinite(v)) { if (cur.length) runs.push(cur.join(' ')); cur = []; return; }
    cur.push(`${x(k).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (cur.length) runs.push(cur.join(' '));
  return (
    <figure class="npy-line">
      <svg width={WIDTH + 70} height={HEIGHT + 24} viewBox={`-64 -6 ${WIDTH + 70} ${HEIGHT + 24}`} data-testid="array-line" role="img" aria-label={`line plot of ${p.label}`}>
        <line class="npy-line-axis" x1={0} y1={0} x2={0} y2={HEIGHT} />
        <line class="npy-line-axis" x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} />
        <text class="npy-line-tick" x={-6} y={8} text-anchor="end">{fmt(hi)}</text>
        <text class="npy-line-tick" x={-6} y={HEIGHT} text-anchor="end">{fmt(lo)}</text>
        <text class="npy-line-tick" x={0} y={HEIGHT + 16}>0</text>
        <text class="npy-line-tick" x={WIDTH} y={HEIGHT + 16} text-anchor="end">{n - 1}</text>
        {runs.map((pts, k) => (pts.includes(' ') ? <polyline key={k} class="npy-line-path" points={pts} /> : <circle key={k} class="npy-line-dot" r={2} cx={Number(pts.split(',')[0])} cy={Number(pts.split(',')[1])} />))}
      </svg>
      <figcaption class="note" data-testid="array-line-caption">
        {`${p.label}: ${step > 1 ? `every ${ordinal(step)} of ${n} values (${count} points)` : `all ${n} values`}`}
        {bad ? `; ${bad} NaN or infinite values not drawn` : ''}
      </figcaption>
    </figure>
  );
}
