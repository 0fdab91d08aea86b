/** The facts of one evaluated view: shared by the calculator panel and the notebook renderer. */
import type { CalculatorResult } from '../../src/engine/calculator';
import type { AxisOverrun } from '../../src/engine/explain';
import type { LayoutReport } from '../../src/engine/report';
import { formatTuple } from '../../src/engine/parse';
import { PatchGrid, patchGeometry } from './PatchGrid';
import { StrideDiagram } from './StrideDiagram';

/** Props: the evaluated view; snippet actions are shown only when the host can do them. */
export function LayoutReportView({ r, onCopy, onOpen }: { r: CalculatorResult; onCopy?: (snippet: string) => void; onOpen?: (snippet: string) => void }) {
  const { report, dtype } = r;
  const { layout } = report;
  const last = (x: bigint) => (x - 1n).toString();
  const empty = report.extent.low === report.extent.high;
  const inElements = report.dims.map((d) => d.strideInElements ?? '—');
  return (
    <>
      <table class="facts">
        <tbody>
          <Row label="view shape" testid="view-shape" value={formatTuple(layout.shape)} />
          <Row label="strides (bytes)" testid="strides-bytes" value={formatTuple(layout.strides)} />
          <Row label="strides (elements)" testid="strides-elements" value={formatTuple(inElements)} />
          <Row label="offset" value={`${layout.offset} B${r.unit === 'elements' ? ` (storage_offset ${layout.offset / layout.itemsize})` : ''}`} />
          <Row label="element" value={`${dtype.name} · ${layout.itemsize} B`} />
          <Row label="elements" testid="size" value={`${report.size} (${report.viewBytes} B of view)`} />
          <Row label="bytes reached" testid="extent" value={empty ? 'none (empty view)' : `${report.extent.low}–${last(report.extent.high)}  [${report.extent.low}, ${report.extent.high})`} />
          <Row label="buffer" testid="buffer-size" value={report.nbytes === null ? 'unknown' : `${report.nbytes} B`}
            note={r.baseShape ? `base ${formatTuple(r.baseShape)} ${dtype.name}` : undefined} />
          <tr>
            <th>bounds</th>
            <td data-testid="verdict" class={report.inBounds === false ? 'bad' : report.inBounds ? 'good' : ''}>{verdict(r)}</td>
          </tr>
          {report.firstOutOfBoundsIndex && <Row label="first index out" testid="first-oob" value={formatTuple(report.firstOutOfBoundsIndex)} />}
          {report.explanation?.requirement && <Row label="requires" testid="requirement" value={report.explanation.requirement} />}
          {report.explanation?.overruns.length ? <Row label="wraps" testid="wraps" value={report.explanation.overruns.map(overrunText).join('; ')} /> : null}
          <Row label="self-overlap" testid="overlap" value={overlapText(report)} />
          <Row label="C contiguous" testid="c-contiguous" value={report.cContiguous ? 'yes' : 'no'} />
          <Row label="F contiguous" testid="f-contiguous" value={report.fContiguous ? 'yes' : 'no'} />
        </tbody>
      </table>
      <h2>Stride diagram</h2>
      <StrideDiagram layout={layout} nbytes={report.nbytes} />
      {patchGeometry(layout, r.baseShape) && (
        <>
          <h2>Patch grid</h2>
          <PatchGrid layout={layout} baseShape={r.baseShape!} />
        </>
      )}
      <h2>Dimensions</h2>
      <table class="dims" data-testid="dims">
        <thead><tr><th>dim</th><th>size</th><th>stride (B)</th><th>stride (elements)</th><th>meaning</th></tr></thead>
        <tbody>
          {report.dims.map((d, k) => (
            <tr key={k}><td>{k}</td><td>{d.size}</td><td>{d.stride}</td><td>{d.strideInElements ?? '—'}</td><td>{d.explanation}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>NumPy code</h2>
      <Snippet code={r.numpy} lib="numpy" onCopy={onCopy} onOpen={onOpen} />
      <h2>PyTorch code</h2>
      {'code' in r.torch
        ? <Snippet code={r.torch.code} lib="torch" onCopy={onCopy} onOpen={onOpen} />
        : <p class="note" data-testid="snippet-torch-unavailable">Not expressible with torch.as_strided: {r.torch.unavailable}.</p>}
    </>
  );
}

/** Code that builds the view, with Copy and Open in editor when the host can do them. */
function Snippet({ code, lib, onCopy, onOpen }: { code: string; lib: 'numpy' | 'torch'; onCopy?: (snippet: string) => void; onOpen?: (snippet: string) => void }) {
  const name = lib === 'numpy' ? 'NumPy' : 'PyTorch';
  return (
    <>
      <pre class="snippet" data-testid={`snippet-${lib}`}>{code}</pre>
      {(onCopy || onOpen) && (
        <div class="actions">
          {onCopy && <button type="button" data-testid={`copy-${lib}`} aria-label={`Copy the ${name} code`} onClick={() => onCopy(code)}>Copy</button>}
          {onOpen && <button type="button" aria-label={`Open the ${name} code in an editor`} onClick={() => onOpen(code)}>Open in editor</button>}
        </div>
      )}
    </>
  );
}

function overrunText(o: AxisOverrun): string {
  return `base axis ${o.axis} reaches index ${o.high} of ${o.size} (from dims ${o.dims.join(', ')})${o.insideBuffer ? ', continuing into the next row inside the buffer' : ''}`;
}

function overlapText(report: LayoutReport): string {
  if (report.internalOverlap === 'too-hard') return 'unknown: too hard within the work budget';
  if (!report.internalOverlap) return 'no: every index reads its own bytes';
  const w = report.overlapWitness;
  return w ? `yes: ${formatTuple(w.first)} and ${formatTuple(w.second)} both read byte ${w.byte}` : 'yes';
}

function verdict({ report }: CalculatorResult): string {
  if (report.inBounds === null) return 'buffer size unknown: give it to check bounds';
  if (report.inBounds) {
    if (report.extent.low === report.extent.high) return '✓ in bounds (empty view reads nothing)';
    return `✓ in bounds: reads bytes ${report.extent.low}–${report.extent.high - 1n} of ${report.nbytes}`;
  }
  const parts: string[] = [];
  if (report.bytesPastEnd > 0n) parts.push(`reads ${report.bytesPastEnd} B past the end of the buffer (${report.nbytes} B)`);
  if (report.bytesBeforeStart > 0n) parts.push(`reads ${report.bytesBeforeStart} B before the start of the buffer`);
  return `⚠ ${parts.join('; ')}`;
}

function Row({ label, value, testid, note }: { label: string; value: string; testid?: string; note?: string | undefined }) {
  return (
    <tr>
      <th>{label}</th>
      <td data-testid={testid}>{value}{note && <span class="note"> · {note}</span>}</td>
    </tr>
  );
}
