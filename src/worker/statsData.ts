/** The reader's `ArrayStats` as the viewer's JSON-safe `NpyStatsData`. Pure. */
import type { ArrayStats } from '../npy/stats';
import { toCellValue, type NpyCellValue, type NpyStatsData } from '../protocol';

function cell(x: number | bigint | null): NpyCellValue {
  if (x === null) return null;
  return toCellValue(typeof x === 'bigint' ? Number(x) : x);
}

/** Convert statistics for the webview (counts as decimal strings, bigints as nearest numbers). */
export function statsData(s: ArrayStats): NpyStatsData {
  const h = s.histogram;
  return {
    count: String(s.count),
    finiteCount: String(s.finiteCount),
    min: cell(s.min),
    max: cell(s.max),
    mean: cell(s.mean),
    std: cell(s.std),
    nanCount: String(s.nanCount),
    posInfCount: String(s.posInfCount),
    negInfCount: String(s.negInfCount),
    histogram: h && h.edges.length >= 2 ? { lo: h.edges[0]!, hi: h.edges[h.edges.length - 1]!, counts: [...h.counts] } : null,
    sampled: s.sampled,
  };
}
