/**
 * A notebook output of `application/vnd.stride-lens.array.v1+json` (the `stride_lens` helper's
 * `array_bundle`, `show` and `%load_ext stride_lens`): header facts, NumPy's summary, the
 * shared array view over the bytes the output carries (read here, no kernel needed), and the
 * view's layout over its buffer (stride diagram, patch grid, bounds). The payload is
 * untrusted: checked field by field, only ever rendered as text; a bad one errors here only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { evaluateCalculator } from '../../src/engine/calculator';
import { formatTuple } from '../../src/engine/parse';
import { readPageData } from '../../src/npy/cells';
import { encodeBase64, parseArrayPayload, payloadCalculatorInputs, payloadNpy, type ArrayPayload, type PayloadSummary } from '../../src/npy/payload';
import type { RendererArrayMessage } from '../../src/protocol';
import { ArrayView } from '../shared/array/ArrayView';
import { fmt } from '../shared/array/Heatmap';
import { ordinal } from '../shared/array/slicing';
import { LayoutReportView } from '../shared/LayoutReportView';

export function ArrayOutput({ data, idPrefix, post }: { data: unknown; idPrefix: string; post?: (m: RendererArrayMessage) => void }) {
  const parsed = useMemo(() => parseArrayPayload(data), [data]);
  if (!parsed.ok) {
    return (
      <div class="stride-lens-output" data-testid="array-output">
        <h3>Stride Lens array</h3>
        <p class="error" role="alert" data-testid="array-output-error">Cannot show this output: {parsed.error}</p>
      </div>
    );
  }
  const p = parsed.value;
  const values = p.data ?? p.sample?.values;
  return (
    <div class="stride-lens-output" data-testid="array-output">
      <h3 data-testid="array-output-title">Stride Lens array{p.name ? `: ${p.name}` : ''}</h3>
      <Facts p={p} />
      {post && <Actions p={p} post={post} />}
      {p.summary && <Summary s={p.summary} exactInts={!!p.dtype && 'biu'.includes(p.dtype.kind)} />}
      {p.sample && (
        <p class="note sl-flag" data-testid="array-sample-note">
          {`A sample: the array is over the helper's size cap, so the output carries every ${ordinal(p.sample.step)} element along each axis, ${formatTuple(p.sample.values.view.shape)}; indices below are the sample's (multiply by ${p.sample.step} for the array's). stride_lens.array_bundle(x, max_bytes=…) carries more.`}
        </p>
      )}
      {values ? (
        <ArrayView base={values.view} dtypeStr={p.dtype!.str} numeric={numeric(p)} range={summaryRange(p.summary)} idPrefix={idPrefix}
          structured={!!p.dtype?.fields}
          fetch={async (view, spec, withText, fields) => {
            const r = await readPageData(values.array, { view, spec, withText, fields });
            if (!r.ok) throw new Error(r.error);
            return r.value;
          }} />
      ) : (
        <>
          <p class="note" data-testid="array-no-values">{noValues(p)}</p>
          <pre class="snippet" data-testid="array-repr">{p.repr}</pre>
        </>
      )}
      <Layout p={p} />
    </div>
  );
}

/** *Open in panel* and *Save as .npy*: the array as a .npy file, handed to the extension host. */
function Actions({ p, post }: { p: ArrayPayload; post: (m: RendererArrayMessage) => void }) {
  const npy = useMemo(() => payloadNpy(p), [p]);
  const send = (type: RendererArrayMessage['type']) => {
    if (npy.ok) post({ type, name: p.name, npyBase64: encodeBase64(npy.value) });
  };
  return (
    <p class="sl-actions">
      <button type="button" data-testid="array-open-panel" disabled={!npy.ok} title={npy.ok ? 'Open the array in the array viewer' : npy.error} onClick={() => send('openArray')}>Open in panel</button>
      <button type="button" data-testid="array-save-npy" disabled={!npy.ok} title={npy.ok ? 'Save the array as a .npy file' : npy.error} onClick={() => send('saveArray')}>Save as .npy</button>
      {!npy.ok && <span class="note">{npy.error}</span>}
    </p>
  );
}

function Facts({ p }: { p: ArrayPayload }) {
  const per = p.unit === 'elements' ? 'elements' : 'bytes';
  return (
    <table class="facts" data-testid="array-facts">
      <tbody>
        <tr><th>dtype</th><td data-testid="array-dtype">{p.dtype ? `${p.dtype.name}  ${p.dtype.str}` : p.dtypeNote ?? 'unknown'}</td></tr>
        <tr><th>shape</th><td data-testid="array-shape">{formatTuple(p.layout.shape)}</td></tr>
        <tr><th>strides</th><td data-testid="array-strides">{`${formatTuple(p.strides)} ${per}`}</td></tr>
        <tr><th>offset</th><td>{p.unit === 'elements' ? `storage_offset ${p.offset} (${p.layout.offset} B)` : `${p.offset} B into the buffer`}</td></tr>
        <tr><th>buffer</th><td>{`${p.bufferBytes} B`}</td></tr>
        <tr><th>values</th><td data-testid="array-carried">{p.data ? `${p.data.bytes.length} B carried in the output` : p.truncated ? 'not carried: over the helper’s size cap' : 'not carried'}</td></tr>
      </tbody>
    </table>
  );
}

/** NumPy's statistics; integer minima and maxima exactly as NumPy gives them, other numbers to 7 digits. */
function Summary({ s, exactInts }: { s: PayloadSummary; exactInts: boolean }) {
  const v = (x: number | string | null, exact = false) => (x === null ? '—' : typeof x === 'string' || exact ? String(x) : fmt(x));
  return (
    <table class="facts" data-testid="array-summary" aria-label="summary computed by NumPy">
      <tbody>
        <tr><th>min · max</th><td data-testid="array-minmax">{`${v(s.min, exactInts)} · ${v(s.max, exactInts)}`}</td></tr>
        <tr><th>mean · std</th><td>{`${v(s.mean)} · ${v(s.std)}`}</td></tr>
        {s.nan + s.posinf + s.neginf > 0 && <tr><th>non-finite</th><td>{`${s.nan} NaN, ${s.posinf} +inf, ${s.neginf} −inf`}</td></tr>}
      </tbody>
    </table>
  );
}

/** The layout report, drawn after the values are on screen (a million-index stride diagram takes a while). */
function Layout({ p }: { p: ArrayPayload }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(t);
  }, []);
  const r = useMemo(() => (ready ? evaluateCalculator(payloadCalculatorInputs(p)) : null), [p, ready]);
  return (
    <section aria-label="layout">
      <h2>layout over its buffer</h2>
      {!r ? <p class="note">drawing…</p> : r.ok ? <LayoutReportView r={r.value} /> : <p class="error">No layout: {r.error}</p>}
    </section>
  );
}

function numeric(p: ArrayPayload): boolean {
  const d = p.dtype;
  return !!d && !d.fields && !d.subarray && 'biufc'.includes(d.kind);
}

function summaryRange(s: PayloadSummary | null): { lo: number; hi: number } | null {
  if (!s || typeof s.min !== 'number' || typeof s.max !== 'number') return null;
  return { lo: s.min, hi: s.max };
}

function noValues(p: ArrayPayload): string {
  if (!p.dtype) return `Values are not shown: ${p.dtypeNote ?? 'the element type has no NumPy equivalent'}.`;
  if (p.truncated) return 'Values are not shown: the array is larger than the helper’s size cap (stride_lens.array_bundle(x, max_bytes=…) raises it). The library’s own text:';
  return 'Values are not shown: the output carries no bytes. The library’s own text:';
}
