/** Small helpers over Lezer syntax nodes, shared by the interpreter and the write scan. */
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
