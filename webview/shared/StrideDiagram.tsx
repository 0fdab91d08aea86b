/**
 * The stride diagram: the buffer as a strip of bytes coloured by how many view indices read
 * each one (out-of-bounds bytes hatched past the buffer's ends), each dimension's stride as a
 * jump from index 0, and a grid of the view's indices (two axes the user picks, by default the
 * last two, the others held at an index). Point at (or move with the arrow keys along) the strip to list the indices that read a
 * byte; point at an index to light its bytes. Plain data in: the layout and the buffer size;
 * the model is src/engine/coverage.ts. Theme colours come from CSS (`.sd-*` classes).
 */
import { useMemo, useState } from 'preact/hooks';
import { byteAtColumn, coverage, readersOf, stripRuns, type Coverage } from '../../src/engine/coverage';
import type { Layout } from '../../src/engine/layout';
import { formatTuple } from '../../src/engine/parse';

const WIDTH = 720;
const STRIP_H = 34;
const GRID_MAX = 12;
const LIST_MAX = 24;

export interface StrideDiagramProps {
  /** The view in bytes (NumPy's units). */
  readonly layout: Layout;
  /** The buffer size in bytes, or null when unknown (nothing is then out of bounds). */
  readonly nbytes: bigint | null;
  /** The source's name, when known. */
  readonly name?: string;
}

function readersClass(readers: number): string {
  return readers <= 0 ? 'sd-none' : readers === 1 ? 'sd-once' : readers === 2 ? 'sd-twice' : 'sd-many';
}

export function StrideDiagram({ layout, nbytes, name }: StrideDiagramProps) {
  const model = useMemo(() => {
    const size = nbytes !== null && nbytes <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(nbytes) : null;
    // Recomputed on every edit: views past a few million indices are drawn from an aggregate.
    const c = coverage(layout, size ?? Math.max(0, reachHigh(layout)), { exactLimit: 2_000_000, enumerateLimit: 8_000_000 });
    return c.ok ? { c: c.value, known: size !== null } : { error: c.error };
  }, [layout, nbytes]);
  const [byte, setByte] = useState<number | null>(null);
  const [index, setIndex] = useState<number[] | null>(null);
  if ('error' in model) return <p class="sd-note" data-testid="diagram-error">No stride diagram: {model.error}</p>;
  const { c, known } = model;
  const span = Math.max(1, c.range.high - c.range.low);
  const xOf = (at: number) => ((at - c.range.low) / span) * WIDTH;
  const unit = 'B';
  const readers = byte === null ? null : readersOf(layout, byte, LIST_MAX);
  const lit = index ? addressOf(layout, index) : null;

  const onMove = (e: MouseEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    setByte(byteAtColumn(c, ((e.clientX - box.left) / box.width) * WIDTH, WIDTH));
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? layout.itemsize * 16 : layout.itemsize;
    const at = byte ?? c.range.low;
    if (e.key === 'ArrowRight') setByte(Math.min(c.range.high - 1, at + step));
    else if (e.key === 'ArrowLeft') setByte(Math.max(c.range.low, at - step));
    else if (e.key === 'Home') setByte(c.range.low);
    else if (e.key === 'End') setByte(c.range.high - 1);
    else return;
    e.preventDefault();
  };

  return (
    <section class="sd" data-testid="stride-diagram" aria-label="stride diagram">
      <svg class="sd-strip" viewBox={`0 -28 ${WIDTH} ${STRIP_H + 50}`} width="100%" role="img" tabIndex={0}
        aria-label={`buffer of ${known ? `${c.buffer.high} bytes` : 'unknown size'}, bytes ${c.range.low} to ${c.range.high}; arrow keys move along the bytes`}
        onMouseMove={onMove} onMouseLeave={() => setByte(null)} onKeyDown={onKey} data-testid="byte-strip">
        <defs>
          <pattern id="sd-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="sd-hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" class="sd-hatch-line" />
          </pattern>
        </defs>
        {stripRuns(c, WIDTH).map((r) => <rect key={r.from} x={r.from} y={0} width={r.to - r.from} height={STRIP_H} class={readersClass(r.readers)} />)}
        {known && c.range.low < 0 && <rect class="sd-oob" data-testid="oob-before" data-low={c.range.low} data-high={0} x={0} y={0} width={xOf(0)} height={STRIP_H} fill="url(#sd-hatch)" />}
        {known && c.range.high > c.buffer.high && <rect class="sd-oob" data-testid="oob-after" data-low={c.buffer.high} data-high={c.range.high} x={xOf(c.buffer.high)} y={0} width={WIDTH - xOf(c.buffer.high)} height={STRIP_H} fill="url(#sd-hatch)" />}
        {known && c.range.high > c.buffer.high && <text class="sd-oob-label" x={(xOf(c.buffer.high) + WIDTH) / 2} y={-6} text-anchor="middle">{`${c.range.high - c.buffer.high} B past the end`}</text>}
        {known && c.range.low < 0 && <text class="sd-oob-label" x={xOf(0) / 2} y={-6} text-anchor="middle">{`${-c.range.low} B before the start`}</text>}
        {known && <rect class="sd-buffer" x={xOf(0)} y={0} width={xOf(c.buffer.high) - xOf(0)} height={STRIP_H} />}
        {jumps(layout, xOf)}
        {lit !== null && <rect class="sd-lit" data-testid="lit-bytes" x={xOf(lit)} y={-2} width={Math.max(2, xOf(lit + layout.itemsize) - xOf(lit))} height={STRIP_H + 4} />}
        {byte !== null && <line class="sd-cursor" x1={xOf(byte) + 0.5} x2={xOf(byte) + 0.5} y1={-4} y2={STRIP_H + 4} />}
        {ruler(c, xOf)}
      </svg>
      <p class="sd-readout" aria-live="polite" data-testid="byte-readers">
        {byte === null || !readers || !readers.ok
          ? `Point at the strip (or focus it and use the arrow keys) to see which indices read a byte.${known ? '' : ' The buffer size is unknown: nothing is marked out of bounds.'}`
          : readerText(byte, readers.value.indices, readers.value.complete, known && (byte < 0 || byte >= c.buffer.high), name)}
      </p>
      <Legend c={c} />
      <IndexGrid layout={layout} c={c} known={known} onIndex={setIndex} />
      <p class="sd-note">{unit === 'B' ? 'bytes' : 'elements'}; strip drawn {WIDTH} columns wide, each column showing the most readers of any byte under it.</p>
    </section>
  );
}

function reachHigh(l: Layout): number {
  let high = l.offset + l.itemsize;
  l.shape.forEach((n, k) => { if (n > 0 && l.strides[k]! > 0) high += (n - 1) * l.strides[k]!; });
  return high;
}

function addressOf(l: Layout, idx: readonly number[]): number {
  return idx.reduce((a, i, k) => a + i * l.strides[k]!, l.offset);
}

function readerText(byte: number, indices: number[][], complete: boolean, oob: boolean, name?: string): string {
  const where = `byte ${byte}${oob ? ` (out of bounds of ${name ?? 'the buffer'})` : ''}`;
  if (indices.length === 0) return `${where}: read by no index`;
  const list = indices.map((i) => formatTuple(i)).join(', ');
  return `${where}: read by ${complete ? indices.length : `${indices.length}+`} ind${indices.length === 1 ? 'ex' : 'ices'}: ${list}${complete ? '' : ', …'}`;
}

function jumps(l: Layout, xOf: (at: number) => number) {
  return l.shape.map((n, k) => {
    const s = l.strides[k]!;
    if (n < 2 || s === 0) return null;
    const a = xOf(l.offset);
    const b = xOf(l.offset + s);
    const lift = 6 + 4 * (l.shape.length - k);
    return <path key={k} class={`sd-jump sd-jump-${k % 4}`} d={`M ${a} -2 C ${a} ${-2 - lift}, ${b} ${-2 - lift}, ${b} -2`} data-testid={`jump-${k}`}><title>{`dim ${k}: +${s} B per step`}</title></path>;
  });
}

function ruler(c: Coverage, xOf: (at: number) => number) {
  const span = c.range.high - c.range.low;
  const ticks = [];
  for (let t = 0; t <= 8; t++) {
    const at = Math.round(c.range.low + (span * t) / 8);
    ticks.push(<g key={t}><line class="sd-tick" x1={xOf(at)} x2={xOf(at)} y1={STRIP_H} y2={STRIP_H + 4} /><text class="sd-tick-label" x={Math.min(700, Math.max(10, xOf(at)))} y={STRIP_H + 14} text-anchor="middle">{at}</text></g>);
  }
  return ticks;
}

function Legend({ c }: { c: Coverage }) {
  return (
    <p class="sd-legend">
      <span class="sd-swatch sd-none" /> not read <span class="sd-swatch sd-once" /> read once
      {c.maxReaders > 1 && <><span class="sd-swatch sd-twice" /> twice</>}
      {c.maxReaders > 2 && <><span class="sd-swatch sd-many" /> more (up to {Math.round(c.maxReaders * 100) / 100})</>}
      {' '}<span class="sd-swatch sd-oob-swatch" /> out of bounds
      {c.maxReaders <= 1 ? ' · no byte is read twice: the view does not overlap itself' : ''}
      {c.aggregated ? ' · aggregated: readers averaged per byte' : ''}
    </p>
  );
}

function IndexGrid({ layout, c, known, onIndex }: { layout: Layout; c: Coverage; known: boolean; onIndex: (i: number[] | null) => void }) {
  const nd = layout.shape.length;
  // N-d views: pick the two axes the grid spans; every other axis is held at an index.
  const [axes, setAxes] = useState<[number, number]>([nd - 2, nd - 1]);
  const [held, setHeld] = useState<number[]>(() => new Array<number>(nd).fill(0));
  if (nd === 0 || layout.shape.some((n) => n === 0)) return <p class="sd-note">The view is empty: it reads nothing.</p>;
  // A new view (another rank, or a held index past a shorter axis) falls back to the defaults.
  const valid = nd >= 2 && held.length === nd && axes[0] !== axes[1] && axes.every((k) => k >= 0 && k < nd) && held.every((h, k) => h < layout.shape[k]!);
  const [ra, ca] = valid ? axes : [nd - 2, nd - 1];
  const fixed = valid ? held : new Array<number>(nd).fill(0);
  const rows = nd >= 2 ? layout.shape[ra]! : 1;
  const cols = layout.shape[nd >= 2 ? ca : 0]!;
  const R = Math.min(rows, GRID_MAX);
  const C = Math.min(cols, GRID_MAX);
  const at = (i: number, j: number) => (nd >= 2 ? fixed.map((h, k) => (k === ra ? i : k === ca ? j : h)) : [j]);
  const names = at(-1, -2).map((h, k) => (k === ra ? 'i' : k === ca ? 'j' : String(h)));
  const label = nd >= 2 ? `view indices [${names.join(', ')}]` : 'view indices [j]';
  const pick = (which: 0 | 1, k: number) => {
    const next: [number, number] = which === 0 ? [k, ca] : [ra, k];
    if (next[0] === next[1]) next[1 - which] = which === 0 ? ra : ca; // picking the other's axis swaps them
    setAxes(next);
    setHeld(fixed);
  };
  const axisOptions = Array.from({ length: nd }, (_, k) => <option key={k} value={k}>axis {k} ({layout.shape[k]})</option>);
  return (
    <figure class="sd-grid-wrap">
      {nd >= 3 && (
        <div class="sd-axes" data-testid="grid-axes">
          <label>rows <select data-testid="grid-rows" value={ra} onChange={(e) => pick(0, Number(e.currentTarget.value))}>{axisOptions}</select></label>
          <label>columns <select data-testid="grid-cols" value={ca} onChange={(e) => pick(1, Number(e.currentTarget.value))}>{axisOptions}</select></label>
          {fixed.map((h, k) => (k === ra || k === ca ? null : (
            <label key={k}>axis {k} at <input type="number" min={0} max={layout.shape[k]! - 1} value={h} data-testid={`grid-hold-${k}`}
              aria-label={`index held on axis ${k}`}
              onInput={(e) => {
                const v = Math.trunc(Number(e.currentTarget.value));
                if (Number.isFinite(v) && v >= 0 && v < layout.shape[k]!) { setAxes([ra, ca]); setHeld(fixed.map((x, m) => (m === k ? v : x))); }
              }} /></label>
          )))}
        </div>
      )}
      <figcaption>{label} and the byte each starts at{rows > R || cols > C ? ` (first ${R}×${C} of ${rows}×${cols})` : ''}</figcaption>
      <table class="sd-grid" data-testid="index-grid">
        <tbody>
          {Array.from({ length: R }, (_, i) => (
            <tr key={i}>
              {Array.from({ length: C }, (_, j) => {
                const idx = at(i, j);
                const addr = addressOf(layout, idx);
                const oob = known && (addr < 0 || addr + layout.itemsize > c.buffer.high);
                return (
                  <td key={j} tabIndex={0} class={oob ? 'sd-cell sd-cell-oob' : 'sd-cell'} data-index={idx.join(',')} aria-label={`index ${formatTuple(idx)} starts at byte ${addr}${oob ? ', out of bounds' : ''}`}
                    onMouseEnter={() => onIndex(idx)} onMouseLeave={() => onIndex(null)} onFocus={() => onIndex(idx)} onBlur={() => onIndex(null)}>{addr}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
