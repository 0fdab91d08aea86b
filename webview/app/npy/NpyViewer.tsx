/**
 * The array viewer (custom editor for `.npy`/`.npz`): header facts, the `.npz` member list,
 * the values grid and heatmap of any two axes of a NumPy-style view, statistics and layout.
 * Everything from the file is shown as text (never HTML).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Layout } from '../../../src/engine/layout';
import { formatTuple } from '../../../src/engine/parse';
import { isBenchMessage, type NpyArrayInfo, type NpyInit, type NpyStatsData, type NpyToWebview, type NpyViewerStateV1 } from '../../../src/protocol';
import { getState, onHostMessage, post, setState } from '../vscodeApi';
import { Grid } from './Grid';
import { Heatmap } from './Heatmap';
import { LayoutTable } from './LayoutTable';
import { createPending } from './requests';
import { applyIndex, cellIndex, chooseAxis, defaultChoice, fixChoice, gridExpression, gridSize, pageSpec, type AxisChoice } from './slicing';
import { Stats } from './Stats';
import { useColorMap } from './theme';
import { cellNumber } from './values';

type Listener = (m: NpyToWebview) => void;

/** Statistics start by themselves for arrays up to this size; larger ones wait for the button. */
const AUTO_STATS_BYTES = 64n * 1024n * 1024n;

function isState(s: unknown): s is NpyViewerStateV1 {
  const o = s as Partial<NpyViewerStateV1> | null;
  return typeof o === 'object' && o !== null && o.version === 1 && typeof o.expr === 'string' && Array.isArray(o.index);
}

export function NpyViewer() {
  const restored = useMemo(() => getState(isState), []);
  const pending = useMemo(() => createPending((m) => post(m)), []);
  const listeners = useRef(new Set<Listener>());
  const [init, setInit] = useState<NpyInit | null>(null);
  const [member, setMember] = useState<string | null>(null);
  const [info, setInfo] = useState<NpyArrayInfo | null>(null);
  const [memberError, setMemberError] = useState<string | null>(null);

  useEffect(() => {
    const off = onHostMessage((m) => {
      if (m.type === 'init') return;
      if (m.type === 'npyInit') {
        setInit(m.init);
        if (m.init.kind === 'npy') setInfo(m.init.array);
        if (m.init.kind === 'npz') {
          const again = m.init.members.find((x) => x.name === restored?.member);
          const first = again ?? m.init.members[0];
          if (first) openMember(first.name);
        }
        return;
      }
      if (m.type === 'npyResponse') { pending.settle(m); return; }
      if (isBenchMessage(m)) return;
      for (const l of listeners.current) l(m);
    });
    post({ type: 'ready' });
    return () => {
      off();
      pending.close('the viewer closed');
    };
  }, []);

  function openMember(name: string) {
    setMember(name);
    setMemberError(null);
    setInfo(null);
    pending.request('openMember', { member: name }).then(
      (i) => setInfo(i),
      (e: unknown) => setMemberError(e instanceof Error ? e.message : String(e)),
    );
  }

  if (!init) return <p class="note">Opening…</p>;
  if (init.kind === 'error') {
    return (
      <main class="npy">
        <h1>{init.file}</h1>
        <p class="error" data-testid="npy-error" role="alert">{init.error}</p>
        <p class="note">The file cannot be shown. Nothing was loaded beyond its first bytes.</p>
      </main>
    );
  }
  return (
    <main class="npy">
      <h1 data-testid="npy-title">{init.file}</h1>
      {init.kind === 'npz' && (
        <nav class="npy-members" aria-label="archive members">
          <h2>members</h2>
          <ul data-testid="npy-members">
            {init.members.map((m) => (
              <li key={m.name}>
                <button type="button" class={m.name === member ? 'npy-member current' : 'npy-member'} aria-current={m.name === member}
                  onClick={() => openMember(m.name)}>{m.name}</button>
                <span class="note"> {m.size} B{m.compressed ? `, deflated to ${m.compressedSize} B` : ', stored'}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {memberError && <p class="error" data-testid="npy-error" role="alert">{memberError}</p>}
      {init.kind === 'npz' && member && <h2 data-testid="npy-member-title">{member}</h2>}
      {info && (
        <ArrayView key={`${member ?? ''}`} info={info} member={member} pending={pending}
          restored={restored && restored.member === member ? restored : undefined}
          subscribe={(fn) => { listeners.current.add(fn); return () => listeners.current.delete(fn); }} />
      )}
    </main>
  );
}

interface ArrayViewProps {
  info: NpyArrayInfo;
  /** What this array showed before the webview was reloaded. */
  restored: NpyViewerStateV1 | undefined;
  member: string | null;
  pending: ReturnType<typeof createPending>;
  subscribe: (fn: Listener) => () => void;
}

function ArrayView({ info, member, pending, subscribe, restored }: ArrayViewProps) {
  const base: Layout = useMemo(() => ({ shape: info.shape, strides: info.strides, offset: 0, itemsize: info.itemsize }), [info]);
  const start = useMemo(() => {
    const v = restored ? applyIndex(base, restored.expr) : undefined;
    return v?.ok && restored ? { expr: restored.expr, view: v.value, choice: fixChoice(restored, v.value.shape) } : { expr: '', view: base, choice: defaultChoice(info.shape) };
  }, []);
  const [expr, setExpr] = useState(start.expr);
  const [view, setView] = useState<Layout>(start.view);
  const [exprError, setExprError] = useState<string | null>(null);
  const [choice, setChoice] = useState<AxisChoice>(start.choice);
  const [heat, setHeat] = useState(restored?.heat ?? false);
  const [stats, setStats] = useState<NpyStatsData | null>(null);
  const [sampleRange, setSampleRange] = useState<{ lo: number; hi: number } | null>(null);
  const colorMap = useColorMap();

  const applyExpr = (text: string) => {
    setExpr(text);
    const v = applyIndex(base, text);
    if (!v.ok) { setExprError(v.error); return; }
    setExprError(null);
    setView(v.value);
    setChoice((c) => (v.value.shape.length === view.shape.length ? fixChoice(c, v.value.shape) : defaultChoice(v.value.shape)));
  };

  const c = fixChoice(choice, view.shape);
  useEffect(() => {
    setState({ version: 1, member, expr: exprError ? '' : expr, rowAxis: c.rowAxis, colAxis: c.colAxis, index: c.index, heat } satisfies NpyViewerStateV1);
  }, [member, expr, exprError, c.rowAxis, c.colAxis, c.index.join(','), heat]);
  const { rows, cols } = gridSize(view.shape, c);
  const viewKey = JSON.stringify([member, view, c.rowAxis, c.colAxis, c.index.map((i, k) => (k === c.rowAxis || k === c.colAxis ? 0 : i))]);
  const statsRange = stats ? rangeOf(stats) : null;
  const range = statsRange ?? sampleRange;
  const nd = view.shape.length;

  return (
    <>
      <section aria-label="header">
        <table class="facts" data-testid="npy-header">
          <tbody>
            <Fact label="dtype" testid="npy-dtype" value={`${info.dtypeName}  ${info.dtypeStr}  (${byteOrderWords(info.byteOrder)})`} />
            <Fact label="shape" testid="npy-shape" value={formatTuple(info.shape)} />
            <Fact label="strides" testid="npy-strides" value={`${formatTuple(info.strides)} bytes`} />
            <Fact label="itemsize" testid="npy-itemsize" value={`${info.itemsize} bytes`} />
            <Fact label="elements" testid="npy-count" value={info.count} />
            <Fact label="nbytes" testid="npy-nbytes" value={info.nbytes} />
            <Fact label="order" testid="npy-order" value={info.fortranOrder ? 'Fortran (fortran_order: True)' : 'C (fortran_order: False)'} />
            <Fact label="format version" testid="npy-version" value={info.version} />
            <Fact label="data offset" testid="npy-offset" value={`${info.dataOffset} bytes`} />
            <Fact label="descr" testid="npy-descr" value={info.descr} />
          </tbody>
        </table>
      </section>

      <section aria-label="values">
        <h2>values</h2>
        <form class="npy-controls" onSubmit={(e) => e.preventDefault()}>
          <label for="npy-index">index</label>
          <input id="npy-index" data-testid="npy-index" spellcheck={false} placeholder="e.g. [3, :, ::2]" title="A NumPy basic index: integers, slices, None, ...; empty for the whole array"
            value={expr} onInput={(e) => applyExpr(e.currentTarget.value)} />
          {nd >= 2 && (
            <>
              <label for="npy-rows">rows</label>
              <select id="npy-rows" data-testid="npy-rows" value={String(c.rowAxis)} onChange={(e) => setChoice(chooseAxis(c, 'row', Number(e.currentTarget.value)))}>
                {view.shape.map((n, k) => <option key={k} value={String(k)}>axis {k} ({n})</option>)}
              </select>
              <label for="npy-cols">columns</label>
              <select id="npy-cols" data-testid="npy-cols" value={String(c.colAxis)} onChange={(e) => setChoice(chooseAxis(c, 'col', Number(e.currentTarget.value)))}>
                {view.shape.map((n, k) => <option key={k} value={String(k)}>axis {k} ({n})</option>)}
              </select>
            </>
          )}
          {view.shape.map((n, k) => (k === c.rowAxis || k === c.colAxis ? null : (
            <span key={k} class="npy-fixed">
              <label for={`npy-at-${k}`}>axis {k}</label>
              <input id={`npy-at-${k}`} data-testid={`npy-at-${k}`} type="number" min={0} max={Math.max(0, n - 1)} value={c.index[k] ?? 0}
                onInput={(e) => {
                  const i = Number(e.currentTarget.value);
                  if (Number.isInteger(i) && i >= 0 && i < n) setChoice({ ...c, index: c.index.map((x, j) => (j === k ? i : x)) });
                }} />
            </span>
          )))}
          <label class="npy-toggle"><input type="checkbox" data-testid="npy-heat" checked={heat} onChange={(e) => setHeat(e.currentTarget.checked)} /> heat colours</label>
        </form>
        {exprError && <p class="error" data-testid="npy-index-error">{exprError}</p>}
        <p class="note" data-testid="npy-showing">showing <code>{gridExpression(expr, c, nd)}</code>: {rows} × {cols}</p>
        <Grid rows={rows} cols={cols} viewKey={viewKey} heat={heat} range={range} colorMap={colorMap}
          describe={(r, col) => `[${cellIndex(c, r, col).join(', ')}]`}
          fetchTile={(b) => pending.request('page', { member, view, spec: pageSpec(c, b.rowStart, b.rowCount, b.colStart, b.colCount), withText: true })} />
      </section>

      {info.numeric && (
        <section aria-label="heatmap">
          <h2>heatmap</h2>
          <Heatmap view={view} choice={c} viewKey={viewKey} colorMap={colorMap} range={statsRange} onSampleRange={setSampleRange}
            fetch={(v, spec) => pending.request('page', { member, view: v, spec, withText: false })} />
        </section>
      )}

      <section aria-label="statistics">
        <h2>statistics</h2>
        <Stats member={member} numeric={info.numeric} auto={BigInt(info.nbytes) <= AUTO_STATS_BYTES} subscribe={subscribe} onStats={setStats}
          start={(id) => post({ type: 'npyStats', id, member })} cancel={(id) => post({ type: 'npyStatsCancel', id })} />
      </section>

      <section aria-label="layout">
        <h2>layout</h2>
        <LayoutTable base={base} fortran={info.fortranOrder} view={view} dtypeStr={info.dtypeStr}
          onOpenPlayground={(inputs) => post({ type: 'npyOpenPlayground', inputs })} />
      </section>
    </>
  );
}

function Fact({ label, value, testid }: { label: string; value: string; testid: string }) {
  return <tr><th>{label}</th><td data-testid={testid}>{value}</td></tr>;
}

function byteOrderWords(o: NpyArrayInfo['byteOrder']): string {
  return o === '<' ? 'little-endian' : o === '>' ? 'big-endian' : 'byte order not applicable';
}

function rangeOf(s: NpyStatsData): { lo: number; hi: number } | null {
  const lo = cellNumber(s.histogram ? s.histogram.lo : s.min);
  const hi = cellNumber(s.histogram ? s.histogram.hi : s.max);
  return lo !== null && hi !== null && Number.isFinite(lo) && Number.isFinite(hi) ? { lo, hi } : null;
}
