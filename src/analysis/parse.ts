/**
 * Parsing Python with Lezer's error-tolerant grammar. A parse never fails: broken code gives
 * a tree with error nodes around the parts that do not parse. Re-parsing after an edit
 * reuses the unchanged parts of the previous tree (`TreeFragment`). A parse may cover only
 * some ranges of the text (the statements that matter); positions stay the text's own.
 */
import { TreeFragment, type ChangedRange, type Tree } from '@lezer/common';
import { parser } from '@lezer/python';

/** A text and its syntax tree, kept to re-parse the next version incrementally. */
export interface ParsedUnit {
  readonly text: string;
  readonly tree: Tree;
  readonly fragments: readonly TreeFragment[];
  /** The ranges parsed, or `undefined` for the whole text. */
  readonly ranges: readonly { readonly from: number; readonly to: number }[] | undefined;
}

/** One edit between two versions of a text: `[fromA, toA)` in the old became `[fromB, toB)` in the new. */
export type TextChange = ChangedRange;

const EMPTY = parser.parse('');

/** Parse `text` (or only `ranges` of it), reusing `previous` when the changes from it are given. */
export function parseUnit(text: string, previous?: ParsedUnit, changes?: readonly TextChange[], ranges?: readonly { from: number; to: number }[]): ParsedUnit {
  if (ranges && ranges.length === 0) return { text, tree: EMPTY, fragments: [], ranges: [] };
  // Old fragments are reused only when the same statements are parsed as before.
  const sameRanges = previous && changes && rangesEqual(previous.ranges && previous.ranges.map((r) => mapRange(r, changes)), ranges);
  const reuse = previous && changes && sameRanges ? TreeFragment.applyChanges(previous.fragments, changes) : undefined;
  const tree = parser.parse(text, reuse, ranges ? ranges.map((r) => ({ from: r.from, to: r.to })) : undefined);
  return { text, tree, fragments: TreeFragment.addTree(tree, reuse), ranges };
}

function mapPos(pos: number, changes: readonly TextChange[], end: boolean): number {
  let out = pos;
  for (const c of changes) {
    if (pos < c.fromA || (pos === c.fromA && !end)) break;
    if (pos >= c.toA) out += (c.toB - c.fromB) - (c.toA - c.fromA);
    else out = end ? c.toB : c.fromB;
  }
  return out;
}

function mapRange(r: { from: number; to: number }, changes: readonly TextChange[]): { from: number; to: number } {
  return { from: mapPos(r.from, changes, false), to: mapPos(r.to, changes, true) };
}

function rangesEqual(a: readonly { from: number; to: number }[] | undefined, b: readonly { from: number; to: number }[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((r, i) => r.from === b[i]!.from && r.to === b[i]!.to);
}

/** The single change that turns `a` into `b` (common prefix and suffix removed). */
export function diffTexts(a: string, b: string): TextChange[] {
  if (a === b) return [];
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) { endA--; endB--; }
  return [{ fromA: start, toA: endA, fromB: start, toB: endB }];
}
