/**
 * A structured array's records as a table: one column per leaf field (nested fields with
 * dotted names, `pos.x`), one row per element of a 1-d line of the view (the array itself
 * when it is 1-d, else the first shown row), at most 1000 rows read. Texts as NumPy prints
 * each field's scalar.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Layout } from '../../../src/engine/layout';
import type { NpyPageData, PageSpec } from '../../../src/protocol';

const MAX_ROWS = 1000;

export interface FieldTableProps {
  line: Layout;
  viewKey: string;
  /** What the line is (`a`, `a[…][0]`), for the caption. */
  label: string;
  fetch: (view: Layout, spec: PageSpec) => Promise<NpyPageData>;
}

export function FieldTable(p: FieldTableProps) {
  const n = p.line.shape[0] ?? 0;
  const count = Math.min(n, MAX_ROWS);
  const [data, setData] = useState<{ names: readonly string[]; rows: readonly (readonly string[])[] } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    p.fetch(p.line, { rowAxis: null, colAxis: 0, index: [0], rowStart: 0, rowCount: 1, colStart: 0, colCount: count }).then(
      (page) => live && setData(page.fields ? { names: page.fields.names, rows: page.fields.texts } : { error: 'no fields in this page' }),
      (e: unknown) => live && setData({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { live = false; };
  }, [p.viewKey]);
  if (!data) return <p class="note">reading…</p>;
  if ('error' in data) return <p class="error" data-testid="array-fields-error">{data.error}</p>;
  return (
    <div class="npy-fields">
      <table data-testid="array-fields">
        <thead><tr><th>index</th>{data.names.map((f) => <th key={f}>{f}</th>)}</tr></thead>
        <tbody>
          {data.rows.map((r, k) => <tr key={k}><th>{k}</th>{r.map((t, j) => <td key={j}>{t}</td>)}</tr>)}
        </tbody>
      </table>
      <p class="note" data-testid="array-fields-caption">{`${p.label}: ${count < n ? `the first ${count} of ${n} records` : `all ${n} records`}, one column per field`}</p>
    </div>
  );
}
