/**
 * Notebook renderer for `application/vnd.stride-lens.layout.v1+json` (written by the
 * `stride_lens` Python helper): the same layout report as the calculator, computed here by
 * the engine from the output's shape, strides, offset and buffer. Output data is untrusted:
 * it is validated field by field and only ever rendered as text.
 */
import { render } from 'preact';
import { evaluateCalculator } from '../../src/engine/calculator';
import { LayoutReportView } from '../shared/LayoutReportView';
import { inputsFromOutput } from './layoutOutput';
import { RENDERER_CSS } from './styles';

interface OutputItem { json(): unknown }
interface RendererApi {
  renderOutputItem(item: OutputItem, element: HTMLElement): void;
  disposeOutputItem?(id?: string): void;
}

function LayoutOutput({ data }: { data: unknown }) {
  const parsed = inputsFromOutput(data);
  const result = parsed.ok ? evaluateCalculator(parsed.inputs) : parsed;
  return (
    <div class="stride-lens-output">
      <h3>Stride Lens layout{parsed.ok && parsed.name ? `: ${parsed.name}` : ''}</h3>
      {result.ok ? <LayoutReportView r={result.value} /> : <p class="error" role="alert">Cannot show this layout: {result.error}</p>}
    </div>
  );
}

export const activate = (): RendererApi => {
  return {
    renderOutputItem(item, element) {
      let style = element.querySelector('style');
      if (!style) {
        style = document.createElement('style');
        style.textContent = RENDERER_CSS;
        element.append(style);
      }
      let host = element.querySelector<HTMLElement>('.stride-lens-root');
      if (!host) {
        host = document.createElement('div');
        host.className = 'stride-lens-root';
        element.append(host);
      }
      let data: unknown;
      try {
        data = item.json();
      } catch (e) {
        data = { error: String(e) };
      }
      render(<LayoutOutput data={data} />, host);
    },
  };
};
