/**
 * Statistics over the whole array, computed by the host's worker thread: a progress bar and
 * Cancel while it runs; min, max, mean, std, NaN/±inf counts and a histogram when done.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NpyStatsData, NpyToWebview } from '../../../src/protocol';
import { cellNumber } from '../../shared/array/values';
import { fmt } from '../../shared/array/Heatmap';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; id: number; done: number; total: number }
  | { kind: 'done'; stats: NpyStatsData }
  | { kind: 'failed'; error: string; cancelled: boolean };

export interface StatsProps {
  member: string | null;
  numeric: boolean;
  /** Start at once (small arrays); otherwise wait for the button. */
  auto: boolean;
  start: (id: number) => void;
  cancel: (id: number) => void;
  subscribe: (fn: (m: NpyToWebview) => void) => () => void;
  onStats: (s: NpyStatsData | null) => void;
}

let nextJob = 1;

export function Stats(p: StatsProps) {
  const [st, setSt] = useState<State>({ kind: 'idle' });
  const current = useRef(0);
  const run = () => {
    const id = nextJob++;
    current.current = id;
    setSt({ kind: 'running', id, done: 0, total: 0 });
    p.start(id);
  };
  useEffect(() => {
    p.onStats(null);
    if (!p.numeric) return;
    const off = p.subscribe((m) => {
      if (!('id' in m) || m.id !== current.current) return;
      if (m.type === 'npyStatsProgress') setSt({ kind: 'running', id: m.id, done: m.done, total: m.total });
      else if (m.type === 'npyStatsDone') { p.onStats(m.stats); setSt({ kind: 'done', stats: m.stats }); }
      else if (m.type === 'npyStatsFailed') setSt({ kind: 'failed', error: m.error, cancelled: m.cancelled });
    });
    if (p.auto) run();
    else setSt({ kind: 'idle' });
    return () => {
      off();
      p.cancel(current.current);
      current.current = 0;
    };
  }, [p.member]);

  if (!p.numeric) return <p class="note">No statistics: the values have no numbers (strings, records or dates).</p>;
  switch (st.kind) {
    case 'idle':
      return <p><button type="button" data-testid="npy-stats-start" onClick={run}>Compute statistics</button> <span class="note">reads every element (runs in the background; Cancel stops it)</span></p>;
    case 'running':
      return (
        <div class="npy-stats-run" data-testid="npy-stats-progress">
          <progress value={st.done} max={st.total || 1} /> {st.total ? `${Math.round((100 * st.done) / st.total)} %` : 'starting…'}{' '}
          <button type="button" onClick={() => p.cancel(st.id)}>Cancel</button>
        </div>
      );
    case 'failed':
      return (
        <div>
          <span class={st.cancelled ? 'note' : 'error'} data-testid="npy-stats-error">{st.cancelled ? 'Statistics cancelled.' : st.error}</span>{' '}
          <button type="button" onClick={run}>Compute again</button>
        </div>
      );
    case 'done': return <StatsTable s={st.stats} />;
  }
}

function num(v: NpyStatsData['min']): string {
  const x = cellNumber(v);
  return x === null ? '—' : fmt(x);
}

function StatsTable({ s }: { s: NpyStatsData }) {
  const h = s.histogram;
  const peak = h ? Math.max(1, ...h.counts) : 1;
  return (
    <div class="npy-stats">
      <table class="facts" data-testid="npy-stats">
        <tbody>
          <tr><th>elements</th><td data-testid="npy-stat-count">{s.count}{s.sampled ? ' (sampled)' : ' (exact, every element)'}</td></tr>
          <tr><th>min</th><td data-testid="npy-stat-min">{num(s.min)}</td></tr>
          <tr><th>max</th><td data-testid="npy-stat-max">{num(s.max)}</td></tr>
          <tr><th>mean</th><td data-testid="npy-stat-mean">{num(s.mean)}</td></tr>
          <tr><th>std</th><td data-testid="npy-stat-std">{num(s.std)}</td></tr>
          <tr><th>NaN</th><td data-testid="npy-stat-nan">{s.nanCount}</td></tr>
          <tr><th>+inf / −inf</th><td data-testid="npy-stat-inf">{s.posInfCount} / {s.negInfCount}</td></tr>
        </tbody>
      </table>
      {h && (
        <figure class="npy-hist" aria-label="histogram of the finite values">
          <div class="npy-hist-bars">
            {h.counts.map((c, k) => <div key={k} class="npy-hist-bar" title={`${c}`} style={{ height: `${(100 * c) / peak}%` }} />)}
          </div>
          <figcaption class="note">{fmt(h.lo)} … {fmt(h.hi)}, {h.counts.length} bins (finite values; mean and std over {s.finiteCount})</figcaption>
        </figure>
      )}
    </div>
  );
}
