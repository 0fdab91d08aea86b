/**
 * The array's layout: per-axis strides in bytes and elements, what C order, Fortran order
 * and `.T` would give, a strip of the first bytes in memory order labelled by index, and the
 * stride diagram of the shown slice, the whole array or its `.T` over the file's data, which
 * opens in the Layout Playground.
 */
import { useMemo, useState } from 'preact/hooks';
import { playgroundDtype } from '../../../src/engine/calculator';
import { cStrides, fStrides, type Layout } from '../../../src/engine/layout';
import { formatTuple } from '../../../src/engine/parse';
import { transposeView } from '../../../src/engine/views';
import type { CalculatorInputs } from '../../../src/protocol';
import { StrideDiagram } from '../StrideDiagram';

const STRIP = 24;

/** The N-d index stored at memory slot `k` (element k of the data, in the array's order). */
function indexAtSlot(k: number, shape: readonly number[], fortran: boolean): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  let rest = k;
  const axes = [...shape.keys()];
  for (const a of fortran ? axes : axes.reverse()) {
    const n = shape[a]!;
    idx[a] = n > 0 ? rest % n : 0;
    rest = n > 0 ? Math.floor(rest / n) : 0;
  }
  return idx;
}

/**
 * The Layout Playground's inputs for `drawn` over the file's data: the dtype as the header
 * gives it (an itemsize `V<n>` for a structured dtype the playground's field cannot hold), and
 * the buffer as the base shape when the data is in C order (so strides read in its axes), else
 * its size in bytes.
 */
function playgroundInputs(drawn: Layout, base: Layout, fortran: boolean, dtypeStr: string): CalculatorInputs {
  const total = base.shape.reduce((a, b) => a * b, 1);
  return {
    dtype: playgroundDtype(dtypeStr, base.itemsize),
    shape: drawn.shape.join(', '),
    strides: drawn.strides.join(', '),
    offset: String(drawn.offset),
    buffer: fortran || base.shape.length === 0 ? String(total * base.itemsize) : base.shape.join(', '),
    unit: 'bytes',
  };
}

export function LayoutTable({ base, fortran, view, dtypeStr, onOpenPlayground }: {
  base: Layout; fortran: boolean; view: Layout; dtypeStr: string; onOpenPlayground?: (inputs: CalculatorInputs) => void;
}) {
  const { shape, strides, itemsize } = base;
  const c = cStrides(shape, itemsize);
  const f = fStrides(shape, itemsize);
  const tup = (xs: readonly number[]) => formatTuple(xs);
  const total = shape.reduce((a, b) => a * b, 1);
  const slots = Math.min(STRIP, total);
  const [which, setWhich] = useState<'view' | 'array' | 'T'>('view');
  const drawn = useMemo(() => {
    if (which === 'view') return view;
    if (which === 'array') return base;
    const t = transposeView(base);
    return t.ok ? t.value : base;
  }, [which, view, base]);
  return (
    <div class="npy-layout">
      <table class="dims" data-testid="npy-layout">
        <thead><tr><th>axis</th><th>size</th><th>stride (bytes)</th><th>stride (elements)</th><th>C order</th><th>Fortran order</th><th>.T</th></tr></thead>
        <tbody>
          {shape.map((n, k) => (
            <tr key={k}>
              <td>{k}</td><td>{n}</td><td>{strides[k]}</td><td>{strides[k]! / itemsize}</td>
              <td>{c[k]}</td><td>{f[k]}</td><td>{strides[shape.length - 1 - k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="note">
        strides {tup(strides)} ({fortran ? 'Fortran' : 'C'} order); C order would give {tup(c)}, Fortran order {tup(f)};
        {' '}<code>.T</code> has shape {tup([...shape].reverse())} and strides {tup([...strides].reverse())} (a view, no copy).
      </p>
      <p class="note">shown view: shape {tup(view.shape)}, strides {tup(view.strides)}, offset {view.offset} bytes from the first data byte.</p>
      {slots > 0 && (
        <div class="npy-strip" aria-label="first elements in memory order">
          {Array.from({ length: slots }, (_, k) => (
            <div key={k} class="npy-slot"><span class="npy-slot-addr">{k * itemsize}</span><span>[{indexAtSlot(k, shape, fortran).join(', ')}]</span></div>
          ))}
          {total > slots && <div class="npy-slot more">…</div>}
        </div>
      )}
      <div class="npy-diagram">
        <label for="npy-diagram-of">stride diagram of </label>
        <select id="npy-diagram-of" data-testid="npy-diagram-of" value={which} onChange={(e) => setWhich(e.currentTarget.value as 'view' | 'array' | 'T')}>
          <option value="view">the shown slice</option>
          <option value="array">the whole array</option>
          <option value="T">its .T (a view, no copy)</option>
        </select>
        {onOpenPlayground && (
          <button type="button" data-testid="npy-open-playground" onClick={() => onOpenPlayground(playgroundInputs(drawn, base, fortran, dtypeStr))}>Open in Layout Playground</button>
        )}
        <StrideDiagram layout={drawn} nbytes={BigInt(total) * BigInt(itemsize)} name="the file's data" />
      </div>
    </div>
  );
}
