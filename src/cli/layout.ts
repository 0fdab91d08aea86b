// `stride-lens layout`: analyse one view. Placeholder until the engine issue lands its options.
import { analyzeLayout } from '../engine/report';

export function runLayout(args: string[]): number {
  void args;
  const r = analyzeLayout({ shape: [], strides: [], offset: 0, itemsize: 1 });
  return r.ok ? 0 : 2;
}
