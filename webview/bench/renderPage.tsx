/**
 * The page bench/render.ts loads in headless Chromium: renders the stride diagram (the shared
 * component, as the calculator and notebook outputs show it) for a view and reports the time
 * to the first paint after it, and the time from a pointer move to the readout of the byte's
 * readers in the DOM and laid out; and the notebook renderer's array output of a float32
 * matrix (the payload `array_bundle` writes) to its values grid filled and laid out.
 */
import { render } from 'preact';
import '../shared/stride-diagram.css';
import '../shared/array/array.css';
import { StrideDiagram } from '../shared/StrideDiagram';
import { ArrayOutput } from '../renderer/ArrayOutput';
import type { Layout } from '../../src/engine/layout';

declare global {
  interface Window {
    firstPaint(layout: Layout, nbytes: number): Promise<number>;
    hover(samples: number): Promise<number[]>;
    arrayFirstPaint(rows: number, cols: number): Promise<[number, number]>;
  }
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

window.firstPaint = async (layout, nbytes) => {
  const root = document.getElementById('root')!;
  render(null, root);
  await frame();
  const t0 = performance.now();
  render(<StrideDiagram layout={layout} nbytes={BigInt(nbytes)} />, root);
  await frame();
  return performance.now() - t0;
};

window.hover = async (samples) => {
  const strip = document.querySelector<SVGSVGElement>('[data-testid="byte-strip"]')!;
  const readout = document.querySelector('[data-testid="byte-readers"]')!;
  const box = strip.getBoundingClientRect();
  const times: number[] = [];
  for (let k = 0; k < samples; k++) {
    const before = readout.textContent;
    const x = box.left + ((k * 37) % 100) / 100 * box.width + 1;
    const t0 = performance.now();
    strip.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: box.top + box.height / 3, bubbles: true }));
    // Until the readout holds the new byte's readers, laid out (not until the next frame:
    // waiting for the display's refresh would measure the refresh, not the work).
    for (let spin = 0; spin < 1000 && readout.textContent === before; spin++) await new Promise<void>((r) => setTimeout(r, 0));
    if (readout.textContent === before) continue; // same byte as the last move
    void (readout as HTMLElement).offsetHeight;
    times.push(performance.now() - t0);
  }
  return times;
};

/** The payload `stride_lens.array_bundle` writes for a C-ordered float32 matrix of seeded values. */
function float32Payload(rows: number, cols: number): unknown {
  const values = new Float32Array(rows * cols);
  let x = 12345;
  for (let k = 0; k < values.length; k++) { x = (x * 1103515245 + 12345) >>> 0; values[k] = x / 2 ** 32 - 0.5; }
  const bytes = new Uint8Array(values.buffer);
  let bin = '';
  for (let k = 0; k < bytes.length; k += 0x8000) bin += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return {
    version: 1, dtype: '<f4', shape: [rows, cols], strides: [cols * 4, 4], offset: 0, unit: 'bytes', itemsize: 4,
    bufferBytes: bytes.length, bufferShape: [rows, cols], inBounds: true, data: { start: 0, base64: btoa(bin) }, truncated: false,
    summary: { min: -0.5, max: 0.5, mean: 0, std: 0.29, nan: 0, posinf: 0, neginf: 0 }, window: null, name: 'big', repr: '',
  };
}

let painted = 0;
window.arrayFirstPaint = async (rows, cols) => {
  const payload = float32Payload(rows, cols);
  const root = document.getElementById('root')!;
  render(null, root);
  await frame();
  const t0 = performance.now();
  render(<ArrayOutput key={painted} data={payload} idPrefix={`p${painted++}-`} />, root);
  // Until the grid's first cells hold values (pages are read asynchronously), laid out.
  for (let spin = 0; spin < 100000; spin++) {
    const cell = root.querySelector('[data-testid="npy-grid"] [data-r="0"][data-c="0"]');
    if (cell && !cell.classList.contains('loading') && cell.textContent) break;
    await new Promise<void>((r) => setTimeout(r, 0));
  }
  void root.offsetHeight;
  const values = performance.now() - t0;
  // And until the layout section's stride diagram is drawn after them.
  for (let spin = 0; spin < 100000 && !root.querySelector('[data-testid="stride-diagram"], [data-testid="diagram-error"]'); spin++) await new Promise<void>((r) => setTimeout(r, 0));
  void root.offsetHeight;
  return [values, performance.now() - t0];
};
