/**
 * The array viewer (custom editor for `.npy`/`.npz`): header facts, the `.npz` member list,
 * the shared array view (values, picture, heatmap, line) over pages the host reads from the
 * file, statistics from the host's worker, and the layout.
 * Everything from the file is shown as text (never HTML).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Layout } from '../../../src/engine/layout';
import { formatTuple } from '../../../src/engine/parse';
import { isBenchMessage, type NpyArrayInfo, type NpyInit, type NpyStatsData, type NpyToWebview, type NpyViewerStateV1 } from '../../../src/protocol';
import { ArrayView } from '../../shared/array/ArrayView';
import { LayoutTable } from '../../shared/array/LayoutTable';
import { cellNumber } from '../../shared/array/values';
import { getState, onHostMessage, post, setState } from '../vscodeApi';
import { createPending, type Pending } from './requests';
import { Stats } from './Stats';

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
        <FileArray key={`${member ?? ''}`} info={info} member={member} pending={pending}
          restored={restored && restored.member === member ? restored : undefined}
          subscribe={(fn) => { listeners.current.add(fn); return () => listeners.current.delete(fn); }} />
      )}
    </main>
  );
}

interface FileArrayProps {
  info: NpyArrayInfo;
  /** What this array showed before the webview was reloaded. */
  restored: NpyViewerStateV1 | undefined;
  member: string | null;
  pending: Pending;
  subscribe: (fn: Listener) => () => void;
}

/** One array of the file: its header facts, the shared array view, statistics and layout. */
function FileArray({ info, member, pending, subscribe, restored }: FileArrayProps) {
  const base: Layout = useMemo(() => ({ shape: info.shape, strides: info.strides, offset: 0, itemsize: info.itemsize }), [info]);
  const [stats, setStats] = useState<NpyStatsData | null>(null);
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

      <ArrayView base={base} dtypeStr={info.dtypeStr} numeric={info.numeric} range={stats ? rangeOf(stats) : null}
        restored={restored && restored.member === member ? restored : undefined}
        onState={(s) => setState({ version: 1, member, ...s } satisfies NpyViewerStateV1)}
        structured={info.descr.startsWith('[')}
        fetch={(view, spec, withText, fields) => pending.request('page', { member, view, spec, withText, fields })}
        after={(view) => (
          <>
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
        )} />
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
