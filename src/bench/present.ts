/** How every surface (the CLI's table, the results panel) lays results out. Pure. */
import type { BenchResult } from './types';

export interface ResultGroup {
  readonly suite: string;
  readonly size: string;
  readonly results: BenchResult[];
}

/** Results grouped by suite and size, groups and their results in the order they came. */
export function groupResults(results: readonly BenchResult[]): ResultGroup[] {
  const groups: ResultGroup[] = [];
  for (const r of results) {
    let g = groups.find((x) => x.suite === r.suite && x.size === r.size);
    if (!g) groups.push((g = { suite: r.suite, size: r.size, results: [] }));
    g.results.push(r);
  }
  return groups;
}

/** `12.34 GB/s` or `1.50 GFLOP/s`; null when the variant was not timed. */
export function throughputText(r: BenchResult): string | null {
  if (r.gbPerS !== null) return `${r.gbPerS.toFixed(2)} GB/s`;
  if (r.gflops !== null) return `${r.gflops.toFixed(2)} GFLOP/s`;
  return null;
}
