/**
 * Parsing Python with Lezer's error-tolerant grammar. A parse never fails: broken code gives
 * a tree with error nodes around the parts that do not parse. Re-parsing after an edit
 * reuses the unchanged parts of the previous tree (`TreeFragment`).
 */
import { TreeFragment, type ChangedRange, type Tree } from '@lezer/common';
import { parser } from '@lezer/python';

/** A text and its syntax tree, kept to re-parse the next version incrementally. */
export interface ParsedUnit {
  readonly text: string;
  readonly tree: Tree;
  readonly fragments: readonly TreeFragment[];
}

/** One edit between two versions of a text: `[fromA, toA)` in the old became `[fromB, toB)` in the new. */
export type TextChange = ChangedRange;

/** Parse `text`, reusing `previous` when the changes from it are given. */
export function parseUnit(text: string, previous?: ParsedUnit, changes?: readonly TextChange[]): ParsedUnit {
  const reuse = previous && changes ? TreeFragment.applyChanges(previous.fragments, changes) : undefined;
  const tree = parser.parse(text, reuse);
  return { text, tree, fragments: TreeFragment.addTree(tree, reuse) };
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
