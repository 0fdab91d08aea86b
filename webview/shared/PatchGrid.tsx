/**
 * The patch grid: a window view over a 2-d image (im2col, pooling, any stride and dilation)
 * drawn over the image. A heat layer shows how many windows read each pixel; the current
 * window and the pixels it reads are outlined; the pointer over the image, the slider or the
 * arrow keys pick the window; the output-size rule is written out with the numbers. The heat
 * layer is a canvas (one pixel per image pixel, scaled), so large images stay cheap; theme
 * colours are read from the --vscode-* variables when drawing and again when the theme
 * changes. The model is src/engine/coverage.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { baseReaders, windowGeometry, windowPixels, type WindowGeometry } from '../../src/engine/coverage';
import type { Layout } from '../../src/engine/layout';

const MAX_SIDE = 480;

export interface PatchGridProps {
  readonly layout: Layout;
  /** The C-ordered 2-d image the view reads (rows, cols). */
  readonly baseShape: readonly number[];
}

/** Whether `layout` is a window view `PatchGrid` can draw over `baseShape`. */
export function patchGeometry(layout: Layout, baseShape: readonly number[] | null): WindowGeometry | undefined {
  return baseShape ? windowGeometry(layout, baseShape) : undefined;
}

function themeColor(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

function parseColor(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})/i.exec(css);
  if (hex) { const n = parseInt(hex[1]!, 16); return [n >> 16, (n >> 8) & 255, n & 255]; }
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [55, 148, 255];
}

function rule(n: number, k: number, s: number, out: number, axis: string): string {
  const made = Math.floor((n - k) / s) + 1;
  const formula = s === 1 ? `${n} − ${k} + 1 = ${n - k + 1}` : `(${n} − ${k}) // ${s} + 1 = ${made}`;
  return `${axis}: ${formula}${made === out ? '' : ` — the view has ${out}${out > made ? ', so windows run past the image' : ''}`}`;
}

export function PatchGrid({ layout, baseShape }: PatchGridProps) {
  const g = useMemo(() => windowGeometry(layout, baseShape), [layout, baseShape]);
  const heat = useMemo(() => (g ? baseReaders(layout, baseShape) : undefined), [layout, baseShape, g]);
  const [win, setWin] = useState<[number, number]>([0, 0]);
  const [themeTick, setThemeTick] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);

  // VS Code marks the theme on <body>: redraw with the new colours when it changes.
  useEffect(() => {
    const obs = new MutationObserver(() => setThemeTick((t) => t + 1));
    obs.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
    return () => obs.disconnect();
  }, []);

  useEffect(() => {
    const cv = canvas.current;
    if (!cv || !g || !heat?.ok) return;
    const ctx = cv.getContext('2d');
    if (!ctx) return;
    const [r0, g0, b0] = parseColor(themeColor(cv, '--vscode-editor-background', '#ffffff'));
    const [r1, g1, b1] = parseColor(themeColor(cv, '--vscode-charts-blue', '#3794ff'));
    let max = 0;
    for (const v of heat.value) if (v > max) max = v;
    const img = ctx.createImageData(g.baseCols, g.baseRows);
    for (let p = 0; p < heat.value.length; p++) {
      const t = max ? Math.sqrt(heat.value[p]! / max) : 0;
      img.data[4 * p] = r0 + (r1 - r0) * t;
      img.data[4 * p + 1] = g0 + (g1 - g0) * t;
      img.data[4 * p + 2] = b0 + (b1 - b0) * t;
      img.data[4 * p + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [g, heat, themeTick]);

  if (!g) return null;
  if (!heat?.ok) return <p class="sd-note">No patch grid: {heat?.error}</p>;
  const [r, c] = [Math.min(win[0], g.outRows - 1), Math.min(win[1], g.outCols - 1)];
  const cell = Math.max(1, Math.min(24, Math.floor(MAX_SIDE / Math.max(g.baseRows, g.baseCols))));
  const pixels = g.outRows > 0 && g.outCols > 0 ? windowPixels(g, r, c) : [];
  const outside = pixels.filter(([y]) => y >= g.baseRows);
  const extra = outside.length ? Math.max(...outside.map(([y]) => y)) + 1 - g.baseRows : 0;
  const kRows = g.dilationRows * (g.winRows - 1) + 1;
  const kCols = g.dilationCols * (g.winCols - 1) + 1;
  let max = 0;
  for (const v of heat.value) if (v > max) max = v;
  const total = g.outRows * g.outCols;
  const flat = r * g.outCols + c;
  const pick = (k: number) => setWin([Math.floor(k / Math.max(1, g.outCols)), k % Math.max(1, g.outCols)]);

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    setWin([Math.max(0, Math.min(g.outRows - 1, r + m[0])), Math.max(0, Math.min(g.outCols - 1, c + m[1]))]);
  };
  const onPointer = (e: MouseEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const y = Math.floor(((e.clientY - box.top) / box.height) * (g.baseRows + extra));
    const x = Math.floor(((e.clientX - box.left) / box.width) * g.baseCols);
    const wr = Math.floor((y - g.originRow) / Math.max(1, g.strideRows));
    const wc = Math.floor((x - g.originCol) / Math.max(1, g.strideCols));
    setWin([Math.max(0, Math.min(g.outRows - 1, wr)), Math.max(0, Math.min(g.outCols - 1, wc))]);
  };

  return (
    <section class="pg" data-testid="patch-grid" aria-label="patch grid">
      <p data-testid="patch-caption">{`${g.outRows}×${g.outCols} windows of ${g.winRows}×${g.winCols} over the ${g.baseRows}×${g.baseCols} image · stride ${g.strideRows}×${g.strideCols} · dilation ${g.dilationRows}×${g.dilationCols}`}</p>
      <p class="sd-note" data-testid="patch-rule">{rule(g.baseRows, kRows, Math.max(1, g.strideRows), g.outRows, 'output rows')}; {rule(g.baseCols, kCols, Math.max(1, g.strideCols), g.outCols, 'output cols')}</p>
      <div class="pg-image" tabIndex={0} role="img" onKeyDown={onKey} onMouseMove={onPointer} data-testid="patch-image"
        aria-label={`window (${r}, ${c}) of ${g.outRows}×${g.outCols}; arrow keys move between windows`}
        style={{ width: `${g.baseCols * cell}px`, height: `${(g.baseRows + extra) * cell}px` }}>
        <canvas ref={canvas} width={g.baseCols} height={g.baseRows} style={{ width: `${g.baseCols * cell}px`, height: `${g.baseRows * cell}px` }} />
        {extra > 0 && <div class="pg-past" style={{ top: `${g.baseRows * cell}px`, height: `${extra * cell}px`, width: `${g.baseCols * cell}px` }} />}
        <svg class="pg-overlay" width={g.baseCols * cell} height={(g.baseRows + extra) * cell}>
          {pixels.map(([y, x]) => <rect key={`${y},${x}`} class={y >= g.baseRows ? 'pg-px pg-px-oob' : 'pg-px'} x={x * cell + 0.5} y={y * cell + 0.5} width={cell - 1} height={cell - 1} data-pixel={`${y},${x}`} />)}
        </svg>
      </div>
      <label class="pg-slider">window <input type="range" min={0} max={Math.max(0, total - 1)} value={flat} onInput={(e) => pick(Number(e.currentTarget.value))} aria-label="window" />
        <span data-testid="patch-window">{`(${r}, ${c}) reads ${pixels.length} pixels: ${pixels.slice(0, 16).map(([y, x]) => `[${y}, ${x}]`).join(' ')}${pixels.length > 16 ? ' …' : ''}`}</span>
      </label>
      <p class="sd-note">shade: how many windows read each pixel (up to {max}){outside.length ? `; this window reads ${outside.length} pixels past the end of the image` : ''}</p>
    </section>
  );
}
