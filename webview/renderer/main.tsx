/**
 * Notebook renderer for the `stride_lens` Python helper's outputs:
 * `application/vnd.stride-lens.layout.v1+json` (`show_layout`: the layout report, computed
 * here by the engine) and `application/vnd.stride-lens.array.v1+json` (`show`, `%load_ext
 * stride_lens`: the array view over the bytes in the output, and its layout). Output data is
 * untrusted: validated field by field and only ever rendered as text. Each output renders
 * into its own root and is unmounted when VS Code disposes it.
 */
import { render } from 'preact';
import { evaluateCalculator } from '../../src/engine/calculator';
import { ARRAY_MIME_TYPE } from '../../src/npy/payload';
import { LayoutReportView } from '../shared/LayoutReportView';
import { ArrayOutput } from './ArrayOutput';
import { inputsFromOutput } from './layoutOutput';
import { RENDERER_CSS } from './styles';

interface OutputItem { readonly id: string; readonly mime: string; json(): unknown }
interface RendererContext { postMessage?(message: unknown): void }
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

export const activate = (ctx: RendererContext): RendererApi => {
  const roots = new Map<string, HTMLElement>();
  let next = 0;
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
      roots.set(item.id, host);
      let data: unknown;
      try {
        data = item.json();
      } catch (e) {
        data = { error: `the output is not JSON: ${e instanceof Error ? e.message : String(e)}` };
      }
      // A fresh key per render: a re-run output starts from its own state, not the last one's.
      const key = `o${next++}`;
      render(item.mime === ARRAY_MIME_TYPE ? <ArrayOutput key={key} data={data} idPrefix={`${key}-`} post={ctx.postMessage ? (m) => ctx.postMessage!(m) : undefined} /> : <LayoutOutput data={data} />, host);
    },
    disposeOutputItem(id) {
      const ids = id === undefined ? [...roots.keys()] : [id];
      for (const k of ids) {
        const host = roots.get(k);
        if (host) render(null, host);
        roots.delete(k);
      }
    },
  };
};
