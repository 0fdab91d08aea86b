/**
 * An array shown as a picture (greyscale, RGB, RGBA) on a canvas at its aspect ratio: at most
 * 512 pixels on the long side, sampled with one step on both axes (said in the caption), and
 * only the sampled elements are read, a band of rows per request.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Layout } from '../../../src/engine/layout';
import type { NpyPageData, PageSpec } from '../../../src/protocol';
import { imageSample, pixelScale, toByte, type ImageAxes } from './image';
import { ordinal } from './slicing';
import { cellNumber } from './values';

const MAX_SIDE = 512;
/** Most cells one request may ask for (the host's page limit). */
const MAX_CELLS = 65536;
/** Largest side on screen, in CSS pixels. */
const MAX_CSS = 640;

export interface ImageViewProps {
  view: Layout;
  reading: ImageAxes;
  dtypeStr: string;
  viewKey: string;
  fetch: (view: Layout, spec: PageSpec) => Promise<NpyPageData>;
}

export function ImageView(p: ImageViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<{ key: string; clipped: number } | { key: string; error: string } | null>(null);
  const s = imageSample(p.view, p.reading, MAX_SIDE);
  const scale = pixelScale(p.dtypeStr) ?? 'unit';

  useEffect(() => {
    let live = true;
    const key = `${p.viewKey}|${p.reading.label}`;
    const pixels = new Uint8ClampedArray(s.rows * s.cols * 4);
    const clipped = { n: 0 };
    const band = Math.max(1, Math.floor(MAX_CELLS / Math.max(1, s.cols)));
    const jobs: Promise<void>[] = [];
    s.channels.forEach((layout, ch) => {
      for (let r0 = 0; r0 < s.rows; r0 += band) {
        const spec: PageSpec = { rowAxis: 0, colAxis: 1, index: [0, 0], rowStart: r0, rowCount: Math.min(band, s.rows - r0), colStart: 0, colCount: s.cols };
        jobs.push(p.fetch(layout, spec).then((page) => {
          for (let k = 0; k < page.rows * page.cols; k++) {
            const at = ((page.rowStart + Math.floor(k / page.cols)) * s.cols + page.colStart + (k % page.cols)) * 4;
            const v = toByte(cellNumber(page.values[k] ?? null), scale, clipped);
            if (p.reading.channels === 1) { pixels[at] = pixels[at + 1] = pixels[at + 2] = v; pixels[at + 3] = 255; }
            else if (ch < 3) { pixels[at + ch] = v; if (p.reading.channels === 3) pixels[at + 3] = 255; }
            else pixels[at + 3] = v;
          }
        }));
      }
    });
    Promise.all(jobs).then(
      () => {
        if (!live) return;
        const c = canvas.current;
        const ctx = c?.getContext('2d');
        if (c && ctx) {
          c.width = s.cols;
          c.height = s.rows;
          ctx.putImageData(new ImageData(pixels, s.cols, s.rows), 0, 0);
        }
        setState({ key, clipped: clipped.n });
      },
      (e: unknown) => live && setState({ key, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
  }, [p.viewKey, p.reading.label]);

  const zoom = Math.min(MAX_CSS / Math.max(s.rows, s.cols), Math.max(1, Math.floor(MAX_CSS / 2 / Math.max(s.rows, s.cols))));
  const H = p.view.shape[p.reading.h]!;
  const W = p.view.shape[p.reading.w]!;
  const kind = p.reading.channels === 1 ? 'greyscale' : p.reading.channels === 3 ? 'RGB' : 'RGBA';
  return (
    <div class="npy-image">
      {state && 'error' in state && <p class="error" data-testid="array-image-error">{state.error}</p>}
      <canvas ref={canvas} data-testid="array-image" data-rows={s.rows} data-cols={s.cols} data-ready={state && 'clipped' in state ? 'yes' : 'no'}
        role="img" aria-label={`the array as a ${kind} picture, ${H} × ${W}`}
        style={{ width: `${Math.round(s.cols * zoom)}px`, height: `${Math.round(s.rows * zoom)}px` }} />
      <p class="note" data-testid="array-image-caption">
        {`${H} × ${W} ${kind} (${p.reading.label}, ${scale === 'byte' ? '0–255' : scale === 'bool' ? 'False black, True white' : 'floats 0–1'})`}
        {s.step > 1 ? `; every ${ordinal(s.step)} pixel on both axes (${s.rows} × ${s.cols})` : ''}
        {state && 'clipped' in state && state.clipped > 0 ? `; ${state.clipped} values outside 0–1 drawn clipped` : ''}
      </p>
    </div>
  );
}
