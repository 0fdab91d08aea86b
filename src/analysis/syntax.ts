/**
 * Small helpers over Lezer syntax nodes, shared by the interpreter, the stride calls and the
 * write scan: children, comma groups, a node's text and span, and the names a statement binds.
 */
import type { SyntaxNode } from '@lezer/common';

/** The children of `n`, in order. */
export function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Comma-separated groups of child nodes (the items of an argument list, tuple or subscript), brackets, comments and error nodes left out. */
export function commaGroups(nodes: SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of nodes) {
    if (n.name === ',') groups.push([]);
    else if (n.name !== '(' && n.name !== ')' && n.name !== '[' && n.name !== ']' && n.name !== '{' && n.name !== '}' && n.name !== 'Comment' && !n.type.isError) groups[groups.length - 1]!.push(n);
  }
  return groups.filter((g) => g.length > 0);
}

/** A half-open range of character offsets in one text unit (a file or a notebook cell). */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** A text unit and where a tree's position 0 lies in it (a parse of ranges starts at the first one). */
export interface Located {
  readonly text: string;
  readonly base: number;
}

/** The text of node `n`. */
export function src(at: Located, n: { from: number; to: number }): string {
  return at.text.slice(n.from + at.base, n.to + at.base);
}

/** Where node `n` is in the text unit. */
export function span(at: Located, n: { from: number; to: number }): Span {
  return { from: n.from + at.base, to: n.to + at.base };
}

/** The same span, moved by `d` characters. */
export function shiftSpan(s: Span, d: number): Span {
  return { from: s.from + d, to: s.to + d };
}

/** Punctuation tokens (and the error token) that sit between statements and items. */
export const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', '⚠']);

/** List methods that change the list in place. */
export const LIST_MUTATORS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'reverse', 'sort']);

/**
 * Names a statement may rebind or mutate: assignment and update targets, loop and `with`
 * targets, definitions, imports, lists changed in place (`xs.append(…)`, `xs[i] = …`,
 * `del xs[i]`). Nested function and class bodies have their own scope and are skipped.
 */
export function assignedNames(n: SyntaxNode, ctx: Located): Set<string> {
  const out = new Set<string>();
  const visit = (node: SyntaxNode, top: boolean): void => {
    if (!top && (node.name === 'FunctionDefinition' || node.name === 'ClassDefinition')) {
      const name = node.getChild('VariableName');
      if (name) out.add(src(ctx, name));
      return;
    }
    const cs = kids(node);
    if (node.name === 'AssignStatement' || node.name === 'UpdateStatement') {
      const last = node.name === 'AssignStatement' ? cs.map((c) => c.name).lastIndexOf('AssignOp') : 1;
      cs.slice(0, Math.max(0, last)).forEach((t) => targetNames(t, ctx, out));
    } else if (node.name === 'ForStatement') {
      for (const c of cs) { if (c.name === 'in') break; targetNames(c, ctx, out); }
    } else if (node.name === 'CallExpression') {
      const callee = cs[0];
      const prop = callee?.name === 'MemberExpression' ? callee.getChild('PropertyName') : null;
      const obj = callee?.firstChild;
      if (prop && obj?.name === 'VariableName' && LIST_MUTATORS.has(src(ctx, prop))) out.add(src(ctx, obj));
    } else if (node.name === 'DeleteStatement' || node.name === 'ImportStatement' || node.name === 'NamedExpression') {
      for (const c of cs) if (c.name === 'VariableName') out.add(src(ctx, c)); else targetNames(c, ctx, out);
    } else if (node.name === 'as') {
      const next = node.nextSibling;
      if (next?.name === 'VariableName') out.add(src(ctx, next));
    }
    for (const c of cs) visit(c, false);
  };
  visit(n, true);
  return out;
}

/** Names bound (or changed in place, for `xs[i]` and `xs.attr`) by an assignment target. */
function targetNames(t: SyntaxNode, ctx: Located, out: Set<string>): void {
  if (t.name === 'VariableName') out.add(src(ctx, t));
  else if (t.name === 'MemberExpression') {
    const base = t.firstChild;
    // Item assignment changes a list; attribute or item assignment on an array keeps its shape.
    if (base?.name === 'VariableName' && t.getChild('[')) out.add(src(ctx, base));
  } else for (const c of kids(t)) targetNames(c, ctx, out);
}
