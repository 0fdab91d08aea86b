/**
 * Whether the code lets writes reach a view: SL003 warns about overlapping writeable views
 * only then. Found on the syntax tree after interpretation (it depends on the code after the
 * call, which an edit can change without touching the call's statement).
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { commaGroups, kids } from './syntax';

/** Source text of a node (tree positions are offset by `base` in the text). */
interface Src {
  src(n: { from: number; to: number }): string;
  readonly tree: Tree;
  readonly text: string;
  /** Where the tree's position 0 lies in `text`. */
  readonly base: number;
}

/**
 * How the code lets writes reach the view made by the call at `[from, to)` of `text`: the
 * call returned directly from a public function, or bound to a name that the rest of its
 * scope writes through (`w[0] = …`, `w += …`, `out=w`, an in-place method, `np.copyto(w, …)`)
 * or returns from a public function. Undefined when the code only reads it.
 */
export function writeUseAt(tree: Tree, text: string, base: number, from: number, to: number): string | undefined {
  let n: SyntaxNode | null = tree.resolveInner(from - base, 1);
  while (n && !(n.name === 'CallExpression' && n.from === from - base && n.to === to - base)) n = n.parent;
  if (!n) return undefined;
  return writeUse(n, { src: (x) => text.slice(x.from + base, x.to + base), tree, text, base });
}

/** Methods that change an array in place. */
const INPLACE_METHODS = new Set(['fill', 'sort', 'put', 'itemset', 'partition', 'resize', 'setfield', 'clip_', 'add_', 'mul_', 'sub_', 'div_', 'zero_', 'fill_', 'copy_']);

/**
 * How the code lets writes reach the view made by `call` (see `writeUseAt`): the
 * call returned directly from a public function, or bound to a name that the rest of its
 * scope writes through or returns. Names the view goes by through other names or other
 * scopes (a later notebook cell) are not followed.
 */
function writeUse(call: SyntaxNode, ctx: Src): string | undefined {
  let n: SyntaxNode = call;
  let p = n.parent;
  while (p && p.name === 'ParenthesizedExpression') { n = p; p = p.parent; }
  if (!p) return undefined;
  if (p.name === 'ReturnStatement') return returnedFrom(p, ctx);
  if (p.name !== 'AssignStatement' || p.lastChild?.from !== n.from) return undefined;
  const targets = kids(p).filter((c) => c.name !== 'AssignOp' && c.from < n.from);
  if (targets.length !== 1 || targets[0]!.name !== 'VariableName') return undefined;
  const name = ctx.src(targets[0]!);
  let scope: SyntaxNode | null = p.parent;
  while (scope && scope.name !== 'Body' && scope.name !== 'Script') scope = scope.parent;
  while (scope && scope.name === 'Body' && scope.parent?.name !== 'FunctionDefinition') {
    let up: SyntaxNode | null = scope.parent;
    while (up && up.name !== 'Body' && up.name !== 'Script') up = up.parent;
    scope = up;
  }
  if (!scope) return undefined;
  const after = p.to;
  // The uses of the name after the assignment, in document order (found in the text, so the
  // work is in the uses, not the length of the scope), up to a rebinding of the name (after
  // `w = w.copy()` a write is not through the view).
  const text = ctx.text;
  const end = scope.to + ctx.base;
  for (let at = text.indexOf(name, after + ctx.base); at >= 0 && at < end; at = text.indexOf(name, at + name.length)) {
    if (isIdChar(text.charCodeAt(at - 1)) || isIdChar(text.charCodeAt(at + name.length))) continue;
    const use = ctx.tree.resolveInner(at - ctx.base, 1);
    if (use.name !== 'VariableName' || use.from !== at - ctx.base) continue;
    // Only this scope's uses: not those inside a nested function, class or lambda.
    let inner = false;
    let stmt: SyntaxNode = use;
    for (let up: SyntaxNode | null = use.parent; up && up.from >= scope.from && !(up.from === scope.from && up.to === scope.to); up = up.parent) {
      if (up.name === 'FunctionDefinition' || up.name === 'ClassDefinition' || up.name === 'LambdaExpression') inner = true;
      stmt = up;
    }
    if (inner) continue;
    for (let x: SyntaxNode | null = use; x; x = x === stmt ? null : x.parent) {
      const found = writeAt(x, name, ctx);
      if (found) return found;
      if (rebinds(x, name, ctx)) return undefined;
    }
  }
  return undefined;
}

function isIdChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}

/** Whether `x` binds `name` itself (an assignment or loop target), not an item of it. */
function rebinds(x: SyntaxNode, name: string, ctx: Src): boolean {
  if (x.name !== 'AssignStatement' && x.name !== 'ForStatement') return false;
  const cs = kids(x);
  const end = x.name === 'AssignStatement' ? cs.map((c) => c.name).lastIndexOf('AssignOp') : cs.findIndex((c) => c.name === 'in');
  const out = new Set<string>();
  for (const t of cs.slice(0, Math.max(0, end))) {
    if (t.name === 'VariableName') out.add(ctx.src(t));
    else if (t.name === 'TupleExpression' || t.name === 'ParenthesizedExpression') for (const v of t.getChildren('VariableName')) out.add(ctx.src(v));
  }
  return out.has(name);
}

/** The words for a `return` in a public function (a name not starting with `_`), else undefined. */
function returnedFrom(ret: SyntaxNode, ctx: Src): string | undefined {
  let f: SyntaxNode | null = ret.parent;
  while (f && f.name !== 'FunctionDefinition') f = f.parent;
  const fname = f?.getChild('VariableName');
  if (!fname) return undefined;
  const name = ctx.src(fname);
  return name.startsWith('_') ? undefined : `the public function ${name} returns it`;
}

/** Whether node `x` (one node, not its children) writes through `name` or returns it. */
function writeAt(x: SyntaxNode, name: string, ctx: Src): string | undefined {
  const isName = (y: SyntaxNode | null | undefined) => y?.name === 'VariableName' && ctx.src(y) === name;
  /** `name[…]`, `name[…][…]`, `name.T[…]`: an item or slice of the view. */
  const intoView = (t: SyntaxNode | null | undefined): boolean => {
    if (!t || t.name !== 'MemberExpression') return false;
    const base = t.firstChild;
    return isName(base) ? !!t.getChild('[') : intoView(base);
  };
  if (x.name === 'AssignStatement' || x.name === 'UpdateStatement') {
    const cs = kids(x);
    const lastOp = x.name === 'UpdateStatement' ? 1 : cs.map((c) => c.name).lastIndexOf('AssignOp');
    for (const t of cs.slice(0, Math.max(0, lastOp))) {
      if (intoView(t)) return `${ctx.src(t)} ${x.name === 'UpdateStatement' ? ctx.src(cs[1]!) : '='} … writes through it`;
      if (x.name === 'UpdateStatement' && isName(t)) return `${name} ${ctx.src(cs[1]!)} … writes through it`;
    }
    return undefined;
  }
  if (x.name === 'ReturnStatement' && isName(x.lastChild)) return returnedFrom(x, ctx);
  if (x.name === 'CallExpression') {
    const callee = x.firstChild;
    const argList = x.getChild('ArgList');
    const args = argList ? commaGroups(kids(argList)) : [];
    for (const g of args) {
      if (g.length >= 3 && g[0]!.name === 'VariableName' && ctx.src(g[0]!) === 'out' && (isName(g[2]) || g[2]!.name === 'TupleExpression' && g[2]!.getChildren('VariableName').some(isName))) {
        return `out=${name} writes through it`;
      }
    }
    if (callee?.name === 'MemberExpression') {
      const prop = callee.getChild('PropertyName');
      const method = prop ? ctx.src(prop) : '';
      if ((isName(callee.firstChild) || intoView(callee.firstChild)) && INPLACE_METHODS.has(method)) return `${ctx.src(callee)}(…) changes it in place`;
      if (method === 'copyto' && args[0] && isName(args[0][0])) return `copyto(${name}, …) writes through it`;
    } else if (callee && ctx.src(callee) === 'copyto' && args[0] && isName(args[0][0])) return `copyto(${name}, …) writes through it`;
  }
  return undefined;
}
