/** The layout calculator: type a view, see what NumPy would make of it. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CalculatorInputs, CalculatorStateV1 } from '../../../src/protocol';
import { evaluateCalculator, PRESETS, type CalculatorResult } from '../../../src/engine/calculator';
import { formatTuple } from '../../../src/engine/parse';
import { getState, onHostMessage, post, setState } from '../vscodeApi';

const FIELDS: { key: keyof Omit<CalculatorInputs, 'unit'>; label: string; hint: string }[] = [
  { key: 'dtype', label: 'dtype', hint: 'float32, <i8, u1, S10 … or an itemsize via V4' },
  { key: 'shape', label: 'shape', hint: 'e.g. 26, 26, 3, 3' },
  { key: 'strides', label: 'strides', hint: 'one per dimension' },
  { key: 'offset', label: 'offset', hint: 'from the buffer start' },
  { key: 'buffer', label: 'buffer', hint: 'size in bytes (3136) or base shape (28, 28)' },
];

function isState(s: unknown): s is CalculatorStateV1 {
  return typeof s === 'object' && s !== null && (s as { version?: unknown }).version === 1 && typeof (s as { inputs?: unknown }).inputs === 'object';
}

const firstPreset = PRESETS[0]!;

export function Calculator() {
  const restored = getState(isState);
  const [preset, setPreset] = useState(restored?.preset ?? firstPreset.name);
  const [inputs, setInputs] = useState<CalculatorInputs>(restored?.inputs ?? firstPreset.inputs);

  useEffect(() => {
    const off = onHostMessage((m) => {
      if (m.type !== 'init') return;
      const p = PRESETS.find((x) => x.name === m.preset);
      if (p) choosePreset(p.name);
      else if (m.inputs) setInputs(m.inputs);
    });
    post({ type: 'ready' });
    return off;
  }, []);

  useEffect(() => setState({ version: 1, preset, inputs } satisfies CalculatorStateV1), [preset, inputs]);

  const result = useMemo(() => evaluateCalculator(inputs), [inputs]);

  function choosePreset(name: string) {
    const p = PRESETS.find((x) => x.name === name);
    setPreset(name);
    if (p) setInputs(p.inputs);
  }
  const edit = (key: keyof CalculatorInputs, value: string) => {
    setPreset('custom');
    setInputs((prev) => ({ ...prev, [key]: value }));
  };
  const unitWord = inputs.unit === 'bytes' ? 'bytes' : 'elements';

  return (
    <main class="calc">
      <h1>Layout Calculator</h1>
      <form class="calc-form" onSubmit={(e) => e.preventDefault()}>
        <label for="preset">preset</label>
        <select id="preset" value={preset} onChange={(e) => choosePreset(e.currentTarget.value)}>
          {PRESETS.map((p) => <option key={p.name} value={p.name}>{p.label}</option>)}
          <option value="custom">custom</option>
        </select>
        <span class="hint" />
        <label for="unit">units</label>
        <select id="unit" value={inputs.unit} onChange={(e) => edit('unit', e.currentTarget.value)}>
          <option value="bytes">NumPy: strides and offset in bytes</option>
          <option value="elements">PyTorch: stride and storage_offset in elements</option>
        </select>
        <span class="hint" />
        {FIELDS.map((f) => (
          <>
            <label key={`${f.key}-l`} for={f.key}>{f.key === 'strides' || f.key === 'offset' ? `${f.label} (${unitWord})` : f.label}</label>
            <input key={f.key} id={f.key} type="text" spellcheck={false} value={inputs[f.key]}
              onInput={(e) => edit(f.key, e.currentTarget.value)} aria-describedby={`${f.key}-hint`} />
            <span key={`${f.key}-h`} id={`${f.key}-hint`} class="hint">{f.hint}</span>
          </>
        ))}
      </form>
      <section id="result" aria-live="polite">
        {result.ok ? <Report r={result.value} /> : <p class="error" data-testid="error" role="alert">{result.error}</p>}
      </section>
    </main>
  );
}

function Report({ r }: { r: CalculatorResult }) {
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
          <Row label="C contiguous" testid="c-contiguous" value={report.cContiguous ? 'yes' : 'no'} />
          <Row label="F contiguous" testid="f-contiguous" value={report.fContiguous ? 'yes' : 'no'} />
        </tbody>
      </table>
      <h2>Dimensions</h2>
      <table class="dims" data-testid="dims">
        <thead><tr><th>dim</th><th>size</th><th>stride (B)</th><th>stride (elements)</th><th>meaning</th></tr></thead>
        <tbody>
          {report.dims.map((d, k) => (
            <tr key={k}><td>{k}</td><td>{d.size}</td><td>{d.stride}</td><td>{d.strideInElements ?? '—'}</td><td>{d.explanation}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>{r.unit === 'bytes' ? 'NumPy' : 'PyTorch'} snippet</h2>
      <pre class="snippet" data-testid="snippet">{r.snippet}</pre>
      <div class="actions">
        <button type="button" onClick={() => post({ type: 'copy', text: r.snippet })}>Copy</button>
        <button type="button" onClick={() => post({ type: 'openSnippet', text: r.snippet })}>Open in editor</button>
      </div>
    </>
  );
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
