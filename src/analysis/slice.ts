/**
 * Which top-level statements can matter to a stride call: a backward slice over names.
 *
 * A statement matters when it contains a stride call (or a `# stride-lens:` directive), or
 * when it may bind a name that a statement which matters reads. Reads are over-approximated
 * by every name the statement mentions, bindings by every name a compound statement mentions,
 * so the slice keeps everything that can change what the interpreter learns about a call;
 * statements outside it (printing, plotting, unrelated arrays) are not interpreted at all.
 */
import type { SyntaxNode, Tree } from '@lezer/common';

const STRIDE_NAMES = new Set(['as_strided', 'sliding_window_view', 'stride_tricks']);

interface StatementNames {
  readonly node: SyntaxNode;
  readonly reads: Set<string>;
  readonly writes: Set<string>;
  readonly stride: boolean;
}

/** Per unit, the start offsets of the top-level statements the analysis must interpret. */
export function relevantStatements(units: readonly { readonly tree: Tree; readonly text: string }[]): Set<number>[] {
  const all: { unit: number; s: StatementNames }[] = [];
  units.forEach((u, unit) => {
    for (let n = u.tree.topNode.firstChild; n; n = n.nextSibling) all.push({ unit, s: namesOf(n, u.text) });
  });
  // Names bound to the stride functions or their module under another name are stride names too.
  const strideNames = new Set(STRIDE_NAMES);
  for (const { s } of all) {
    if (s.node.name === 'ImportStatement' && [...s.reads].some((r) => STRIDE_NAMES.has(r))) for (const w of s.writes) strideNames.add(w);
  }
  const keep = units.map(() => new Set<number>());
  const relevant = new Set<string>();
  for (let i = all.length - 1; i >= 0; i--) {
    const { unit, s } = all[i]!;
    let matters = s.stride || [...s.reads].some((r) => strideNames.has(r) && s.node.name !== 'ImportStatement');
    if (!matters) for (const w of s.writes) if (relevant.has(w)) { matters = true; break; }
    if (!matters) continue;
    keep[unit]!.add(s.node.from);
    for (const r of s.reads) relevant.add(r);
  }
  return keep;
}

const SIMPLE_TARGETS = new Set(['AssignStatement', 'UpdateStatement']);

function namesOf(n: SyntaxNode, text: string): StatementNames {
  const reads = new Set<string>();
  let stride = false;
  const cur = n.cursor();
  const end = n.to;
  // Every VariableName (and, for the stride test, PropertyName) inside the statement.
  do {
    const name = cur.name;
    if (name === 'VariableName' || name === 'PropertyName') {
      const t = text.slice(cur.from, cur.to);
      if (name === 'VariableName') reads.add(t);
      if (STRIDE_NAMES.has(t)) stride = true;
    } else if (name === 'Comment' && /^#\s*stride-lens:/.test(text.slice(cur.from, cur.to))) stride = true;
  } while (cur.next() && cur.from < end);
  let writes: Set<string>;
  if (SIMPLE_TARGETS.has(n.name)) writes = targetsOf(n, text);
  else if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition') writes = defName(n, text);
  else if (n.name === 'DecoratedStatement') {
    const inner = n.getChild('FunctionDefinition') ?? n.getChild('ClassDefinition');
    writes = inner ? defName(inner, text) : new Set(reads);
  } else if (n.name === 'ExpressionStatement' || n.name === 'ReturnStatement' || n.name === 'PassStatement'
    || n.name === 'AssertStatement' || n.name === 'RaiseStatement' || n.name === 'Comment') writes = new Set();
  else writes = new Set(reads); // imports, compound statements, groups, errors: anything mentioned may be bound
  return { node: n, reads, writes, stride };
}

function defName(n: SyntaxNode, text: string): Set<string> {
  const name = n.getChild('VariableName');
  return new Set(name ? [text.slice(name.from, name.to)] : []);
}

/** Names bound by an assignment: targets before the last `=`, through tuples and parentheses. */
function targetsOf(n: SyntaxNode, text: string): Set<string> {
  const out = new Set<string>();
  let lastOp: SyntaxNode | null = null;
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name === 'AssignOp' || c.name === 'UpdateOp') lastOp = c;
  const visit = (c: SyntaxNode) => {
    if (c.name === 'VariableName') out.add(text.slice(c.from, c.to));
    else if (c.name === 'TupleExpression' || c.name === 'ParenthesizedExpression' || c.name === 'ArrayExpression') {
      for (let k = c.firstChild; k; k = k.nextSibling) visit(k);
    }
  };
  for (let c = n.firstChild; c && (!lastOp || c.from < lastOp.from); c = c.nextSibling) visit(c);
  if (!lastOp) for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  return out;
}
