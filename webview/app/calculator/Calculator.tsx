/** The Layout Playground: type a view, see what NumPy and PyTorch would make of it. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CalculatorInputs, CalculatorStateV1 } from '../../../src/protocol';
import { evaluateCalculator, PRESETS } from '../../../src/engine/calculator';
import { LayoutReportView } from '../../shared/LayoutReportView';
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
      else if (m.inputs) {
        setPreset('custom');
        setInputs(m.inputs);
      }
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
      <h1>Layout Playground</h1>
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
        {result.ok ? <LayoutReportView r={result.value} onCopy={(text) => post({ type: 'copy', text })} onOpen={(text) => post({ type: 'openSnippet', text })} /> : <p class="error" data-testid="error" role="alert">{result.error}</p>}
      </section>
    </main>
  );
}
