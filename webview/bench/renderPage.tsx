/**
 * The page bench/render.ts loads in headless Chromium: renders the stride diagram (the shared
 * component, as the calculator and notebook outputs show it) for a view and reports the time
 * to the first paint after it, and the time from a pointer move to the readout of the byte's
 * readers in the DOM and laid out.
 */
import { render } from 'preact';
import '../shared/stride-diagram.css';
import { StrideDiagram } from '../shared/StrideDiagram';
import type { Layout } from '../../src/engine/layout';

declare global {
  interface Window {
    firstPaint(layout: Layout, nbytes: number): Promise<number>;
    hover(samples: number): Promise<number[]>;
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
