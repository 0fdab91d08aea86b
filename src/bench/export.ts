/** A benchmark run as a file: JSON (the run as the panel holds it) or CSV (one row per result). Pure. */
import type { BenchRun } from './types';

export function toJson(run: BenchRun): string {
  return JSON.stringify(run, null, 2) + '\n';
}

const COLUMNS = ['suite', 'variant', 'size', 'engine', 'verified', 'medianMs', 'iqrMs', 'minMs', 'maxMs', 'gbPerS', 'gflops', 'fractionOfCopy', 'note'] as const;

/** One CSV cell (RFC 4180); text that a spreadsheet would run as a formula is quoted with a leading `'`. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let t = String(v);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function toCsv(run: BenchRun): string {
  const rows = [COLUMNS.join(',')];
  for (const r of run.results) rows.push(COLUMNS.map((c) => cell(r[c])).join(','));
  return rows.join('\r\n') + '\r\n';
}
