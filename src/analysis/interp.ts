/**
 * A small abstract interpreter over a Lezer Python tree: it walks statements in document
 * order, tracks what each name holds (integers, tuples, arrays, library references) and
 * records every `as_strided` / `sliding_window_view` / `torch.as_strided` call with what is
 * known about its source and arguments (`calls.ts`). Function bodies run once with their
 * parameters unknown (symbolic). Anything it does not understand becomes `unknown`; nothing
 * throws. Scopes are `scope.ts`, the values `values.ts`, what library functions do
 * `library/`.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { assignedNames, commaGroups, kids, PUNCT, shiftSpan, span, src, type Span } from './syntax';
import { getVar, holdsList, isMutable, newEnv, refNameRaw, setVar, type Env, type Tracking } from './scope';
import {
  record, recordAsStrided, recordBroadcast, recordIm2col, recordNdarray, recordSwv, recordTorch, recordUnfold, shiftFacts,
  type Args, type CallCtx, type CallFacts,
} from './calls';
import {
  indexed, newArray, sizeLin, transposed, type IndexItem,
} from './arrays';
import {
  constBig, constOf, isConst, lin, linAdd, linAtoms, linBig, linFloorDiv, linMod, linMul, linPow, linScale, linSub, linVar, MAX_BITS, type Lin,
} from './linear';
import {
  COMPARE, elementwise, fromTuple, itemAt, negated, valuesOf,
} from './vectors';
import {
  arrayOf, attrAtom, BOOL, constOfInt, dtypeByName, FLOAT32, FLOAT64, indexSymtuple, intOf, MAX_TUPLE, seqItems, UNKNOWN, unknownArray,
  type ArrayFact, type Lib, type Val,
} from './values';
import {
  arg, dtypeOf, entryOf, type LibFunction, type NpyHeader,
} from './library/common';
import { BUILTINS, KEEP_ARGUMENTS, MATH } from './library/builtins';
import { METHODS, ON_ITEMS, READS_ONLY } from './library/methods';
import { NUMPY, WRITES_ARGUMENT } from './library/numpy';
import { TORCH } from './library/torch';

/** What `InterpOptions.readNpyHeader` gives (defined with `np.load`'s entry in the library model). */
export type { NpyHeader };

export interface InterpOptions {
  /** Reads the header of a `.npy` file named in `np.load('…')`; `undefined` when unreadable. */
  readonly readNpyHeader?: (path: string) => NpyHeader | undefined;
  /**
   * The result is read once and never re-analysed (the CLI): nothing is kept for incremental
   * re-analysis (no statement records, no `reuse`; call facts are dropped as soon as they are
   * used; the parse trees go before the findings are made), so peak memory holds the calls,
   * not the calls plus their history.
   */
  readonly oneShot?: boolean;
}

/** Where the interpreter is: the text and scope (`CallCtx`) and what bounds and collects its work. */
interface Ctx extends CallCtx {
  readonly options: InterpOptions;
  depth: number;
  /** Functions whose bodies are running for a call (no recursion). */
  readonly active?: ReadonlySet<FuncDef>;
  /** Values of the `return` statements run, while a body runs for a call. */
  readonly returns?: Val[];
  /** Bodies a top-level statement may still run for calls (bounds the work of call chains). */
  readonly budget: { left: number };
  /** Within a function body: whether the code from here on may not run, or cannot. */
  readonly flow?: Flow;
  /** Where names are used or bound with an array or integer value (not while a body runs for a call). */
  readonly names?: NameFact[];
  /**
   * How many times, in this body, code may have rebound attributes of unknown values (an
   * attribute assignment, a call of code the interpreter does not see into): `self.hop`
   * read after that is another unknown (`self.hop′`) than before.
   */
  readonly attrEpoch?: { n: number };
}

/**
 * Reachability within one run of a function body. `stopped`: every path has returned or
 * raised (the rest does not run). `maybe`: some path may have left, or the code runs in a
 * loop or handler that may run zero times; stride calls recorded then go in `shaky` (a call
 * site shows only views the call certainly makes).
 */
interface Flow {
  stopped: boolean;
  maybe: boolean;
  readonly shaky: Set<CallFacts>;
}

function newFlow(): Flow {
  return { stopped: false, maybe: false, shaky: new Set() };
}

/** Decorators that leave what a call of the function computes as it is. */
const KEEPS_CALLS = /^((functools\.)?(lru_cache|cache|wraps\b.*)|staticmethod|(torch\.)?no_grad|(torch\.)?inference_mode|(numba\.)?n?jit|(pytest\.mark\.)?\w+\.?parametrize)$/;

/** Function bodies one top-level statement may run for calls of functions the code defines. */
const CALL_BUDGET = 64;

const MAX_DEPTH = 60;

/**
 * One top-level statement's effect, kept to skip re-interpreting it after an edit: when its
 * text is unchanged and every module-scope name it read still holds the same value, its
 * writes and calls are replayed (calls shifted to the statement's new position).
 */
export interface StatementRecord {
  readonly text: string;
  readonly from: number;
  readonly reads: ReadonlyMap<string, Val | undefined>;
  readonly refReads: ReadonlyMap<string, string | undefined>;
  readonly writes: ReadonlyMap<string, Val>;
  readonly calls: readonly CallFacts[];
  readonly names: readonly NameFact[];
  /** It forgot values in place: what it forgets depends on more than its reads. */
  readonly volatile: boolean;
}

/** What the analysis believed a name held where the code uses or binds it (for a hover). */
export interface NameFact {
  readonly span: Span;
  readonly name: string;
  readonly value: Val;
}

/** Interpret one parsed unit, continuing from `env` (mutated); returns the stride calls found. */
export function interpretUnit(tree: Tree, text: string, unit: number, env: Env, options: InterpOptions, previous?: readonly StatementRecord[], base = 0): UnitResult {
  const byText = new Map<string, StatementRecord[]>();
  for (const r of previous ?? []) {
    const list = byText.get(r.text);
    if (list) list.push(r);
    else byText.set(r.text, [r]);
  }
  const calls: CallFacts[] = [];
  const names: NameFact[] = [];
  const records: StatementRecord[] = [];
  const moved = new Map<CallFacts, { readonly old: CallFacts; readonly delta: number }>();
  for (let n = tree.topNode.firstChild; n; n = n.nextSibling) {
    const from = n.from + base;
    const stmtText = text.slice(from, n.to + base);
    const candidates = byText.get(stmtText);
    const reuse = candidates?.find((r) => !r.volatile && stillValid(r, env));
    if (reuse) {
      for (const [name, v] of reuse.writes) setVar({ env }, name, v);
      const delta = from - reuse.from;
      const shifted = delta === 0 && reuse.calls.every((c) => c.unit === unit) ? reuse.calls : reuse.calls.map((c) => shiftFacts(c, delta, unit));
      shifted.forEach((c, i) => moved.set(c, { old: reuse.calls[i]!, delta }));
      calls.push(...shifted);
      const shiftedNames = delta === 0 ? reuse.names : reuse.names.map((x) => ({ name: x.name, value: x.value, span: shiftSpan(x.span, delta) }));
      names.push(...shiftedNames);
      records.push({ ...reuse, from, calls: shifted, names: shiftedNames });
      candidates!.splice(candidates!.indexOf(reuse), 1);
      continue;
    }
    const track: Tracking = { module: env, reads: new Map(), refReads: new Map(), writes: new Map(), volatile: false };
    const ctx: Ctx = { text, unit, env, calls: [], options, depth: 0, track, base, budget: { left: CALL_BUDGET }, names: options.oneShot ? undefined : [], attrEpoch: { n: 0 } };
    execStatement(n, ctx);
    calls.push(...ctx.calls);
    if (ctx.names) names.push(...ctx.names);
    if (!options.oneShot) records.push({ text: stmtText, from, reads: track.reads, refReads: track.refReads, writes: track.writes, calls: ctx.calls, names: ctx.names ?? [], volatile: track.volatile });
  }
  return { calls, records, moved, names };
}

/** The calls of a unit, the records to reuse next time, and which calls were replayed from which. */
export interface UnitResult {
  readonly calls: CallFacts[];
  /** Arrays and integers the names held where the code uses or binds them. */
  readonly names: NameFact[];
  readonly records: StatementRecord[];
  readonly moved: ReadonlyMap<CallFacts, { readonly old: CallFacts; readonly delta: number }>;
}

function stillValid(r: StatementRecord, env: Env): boolean {
  for (const [name, v] of r.reads) if (env.vars.get(name) !== v) return false;
  for (const [path, name] of r.refReads) if (refNameRaw(env, path) !== name) return false;
  return true;
}

// ---------------------------------------------------------------- control flow

function snapshot(names: ReadonlySet<string>, ctx: Ctx): Map<string, Val | undefined> {
  const m = new Map<string, Val | undefined>();
  for (const name of names) m.set(name, getVar(ctx, name));
  return m;
}

function restore(values: ReadonlyMap<string, Val | undefined>, ctx: Ctx): void {
  for (const [name, v] of values) setVar(ctx, name, v ?? UNKNOWN);
}

/** What a loop body or a try block may see of a name it assigns: anything. */
function forgetAll(names: ReadonlySet<string>, ctx: Ctx): void {
  for (const name of names) {
    const v = getVar(ctx, name);
    // A list changed in place is unknown; an array stays an array of unknown layout only by name.
    setVar(ctx, name, v?.k === 'ref' ? v : freshSym(ctx, name, v));
  }
}

/**
 * The unknown a name holds after it is bound to something the analysis cannot follow. When
 * the value it replaces (`old`) is written in the name's own atoms (`x` a parameter, `n = n -
 * 1` of one), the new unknown gets a name of its own (`x′`, then `x′′`): sizes read from the
 * old value (`n = x.shape[0] - w + 1`) must not stand for the new one's (`x = trim(x)`), or
 * `fits any x ✓` would rest on a size the code changed. Nothing else of the old value is
 * kept (not even which library it came from).
 */
function freshSym(ctx: Ctx, name: string, old: Val | undefined): Val {
  // Only while another name holds something written in them (`n = x.shape[0] - w + 1`): with
  // nothing read from the old value (`x = np.asarray(x)` first thing), `x` stays `x`.
  const inUse = old && mentions(old, name) && heldElsewhere(ctx, name);
  const primes = inUse ? primesOf(old, name) + 1 : 0;
  return { k: 'sym', name: `${name}${'′'.repeat(primes)}` };
}

/** Whether a name other than `name` in scope holds a value written in `name`'s atoms. */
function heldElsewhere(ctx: Ctx, name: string): boolean {
  for (let e: Env | undefined = ctx.env; e; e = e.parent) {
    // The answer depends on every module name, not the statement's reads: run it after every edit.
    if (ctx.track && e === ctx.track.module) ctx.track.volatile = true;
    for (const [other, v] of e.vars) if (other !== name && mentions(v, name)) return true;
  }
  return false;
}

/** Atom names a value is written in that belong to variable `name` (`x`, `x′`, `x.shape[0]`). */
function ownAtoms(v: Val, name: string): string[] {
  const own = (a: string) => a === name || (a.startsWith(name) && /^′*(?:$|[.[])/.test(a.slice(name.length)));
  const atoms = v.k === 'sym' ? [v.name] : v.k === 'array' ? [v.a.symbolic ?? '', ...(v.a.shape ?? []).flatMap(linAtoms)] : v.k === 'int' ? linAtoms(v.e)
    : v.k === 'symtuple' ? [v.base] : v.k === 'tuple' ? v.items.flatMap((x) => ownAtoms(x, name))
      : v.k === 'obj' ? [...v.attrs.values()].flatMap((x) => ownAtoms(x, name)) : [];
  return atoms.filter(own);
}

function mentions(v: Val, name: string): boolean {
  return ownAtoms(v, name).length > 0;
}

/** The most primes on `name` among a value's atoms (`x′′.shape[0]` → 2). */
function primesOf(v: Val, name: string): number {
  return Math.max(0, ...ownAtoms(v, name).map((a) => /^′*/.exec(a.slice(name.length))![0].length));
}

/** How many times values were forgotten (a call's body that forgot them makes its caller forget too). */
let forgotten = 0;

/**
 * Forget what is mutable in scope: the items of every array with values (`vectors.ts`) and
 * every list. Arrays and lists alias (`b = a`, a view, an argument), so a write into one in
 * place (`a[0] = 1`, `a += 1`, `xs.append(…)`, `out=a`, a call the analysis cannot follow
 * given one, a loop that may run again) may change any of them. Arrays keep their layouts.
 */
function forgetValues(ctx: Ctx, afterCall = false): void {
  forgotten++;
  let stripped = false;
  let inner: Env | undefined;
  for (let e: Env | undefined = ctx.env; e; inner = e, e = e.parent) {
    // Inside a function body, module names are shadowed in the function's scope (once): the
    // body runs here for its definition or one call, and a call that writes a module name
    // makes its caller forget (`callUser`).
    const target: Env = !e.parent && inner ? inner : e;
    if (!e.mutable || (target !== e && SHADOWED.has(target))) continue;
    for (const [name, v] of e.vars) {
      const kept: Val | undefined = v.k === 'array' && v.values ? withoutValues(v) : holdsList(v) ? freshSym({ ...ctx, env: target }, name, v) : undefined;
      if (!kept || (target !== e && target.vars.has(name))) continue;
      target.vars.set(name, kept);
      if (ctx.track && target === ctx.track.module) { ctx.track.writes.set(name, kept); stripped = true; }
    }
    if (target === e) e.mutable = false;
    else SHADOWED.add(target);
  }
  // A module statement whose forgetting changed module names (or ran a body that may have
  // written them) depends on more than its reads: it is run again after every edit.
  if ((stripped || afterCall) && ctx.track && ctx.env === ctx.track.module) ctx.track.volatile = true;
}

/** Function scopes that already shadow the module's mutable names with what is left of them. */
const SHADOWED = new WeakSet<Env>();

/** Attributes of unknown values read from here on are other unknowns (`Ctx.attrEpoch`). */
function attributesMayChange(ctx: Ctx): void {
  if (ctx.attrEpoch) ctx.attrEpoch.n++;
}

/** A value without the items an array may carry (kept where in-place writes are not followed). */
function withoutValues(v: Val): Val {
  return v.k === 'array' && v.values ? { k: 'array', a: v.a } : v;
}

function sameVal(a: Val | undefined, b: Val | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.k === 'func' || b.k === 'func' || a.k === 'obj' || b.k === 'obj') return false;
  try {
    return JSON.stringify(a, bigintText) === JSON.stringify(b, bigintText);
  } catch {
    return false;
  }
}

/** Constants of `Lin` are bigints, which JSON.stringify refuses; `5n` and the number 5 must not compare equal. */
function bigintText(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? `${v}n` : v;
}

/** After branches: a name keeps a value every path agrees on, else it is unknown (by its name). */
function mergeInto(names: ReadonlySet<string>, paths: readonly ReadonlyMap<string, Val | undefined>[], ctx: Ctx, before?: ReadonlyMap<string, Val | undefined>): void {
  for (const name of names) {
    const first = paths[0]?.get(name);
    const agreed = paths.every((p) => sameVal(p.get(name), first));
    if (agreed && first) { setVar(ctx, name, first); continue; }
    // What the paths made of the name's own atoms stays inside them (anything else they
    // assigned is merged here too): only the value before may still be in use elsewhere.
    setVar(ctx, name, freshSym(ctx, name, before?.get(name)));
  }
}

// ---------------------------------------------------------------- statements

function execBlock(block: SyntaxNode, ctx: Ctx): void {
  for (let c = block.firstChild; c; c = c.nextSibling) {
    if (ctx.flow?.stopped) return;
    execStatement(c, ctx);
  }
}

/** A statement that leaves the function (or the loop iteration) on every path through it. */
function leaves(n: SyntaxNode): boolean {
  return n.name === 'RaiseStatement' || n.name === 'ReturnStatement' || n.name === 'ContinueStatement' || n.name === 'BreakStatement';
}

/** Whether the body's last statement leaves: a branch whose state never reaches the code after it. */
function bodyLeaves(body: SyntaxNode): boolean {
  let last: SyntaxNode | null = body.lastChild;
  while (last && (last.name === 'Comment' || PUNCT.has(last.name))) last = last.prevSibling;
  return !!last && leaves(last);
}

/** Whether a node named in `kinds` occurs in `n`, nested definitions (their own scopes) aside. */
function occursIn(n: SyntaxNode, kinds: ReadonlySet<string>): boolean {
  if (kinds.has(n.name)) return true;
  if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition' || n.name === 'LambdaExpression') return false;
  for (let c = n.firstChild; c; c = c.nextSibling) if (occursIn(c, kinds)) return true;
  return false;
}

const LEAVING = new Set(['RaiseStatement', 'ReturnStatement']);

/**
 * Whether running `n` may rebind attributes of unknown values: a call, or an assignment to an
 * attribute (`self.x = …`, `self.n += 1`), nested definitions aside. A loop body that may is
 * entered with them changed, as a later iteration sees what an earlier one did.
 */
function mayRebindAttributes(n: SyntaxNode): boolean {
  if (n.name === 'CallExpression') return true;
  if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition' || n.name === 'LambdaExpression') return false;
  if (n.name === 'AssignStatement' || n.name === 'UpdateStatement') {
    for (let c = n.firstChild; c && c.name !== 'AssignOp' && c.name !== 'UpdateOp'; c = c.nextSibling) if (c.name === 'MemberExpression' && c.getChild('.')) return true;
  }
  for (let c = n.firstChild; c; c = c.nextSibling) if (mayRebindAttributes(c)) return true;
  return false;
}

const YIELDING = new Set(['yield', 'YieldExpression']);

/** Whether a `raise` or `return` occurs in `n` (nested definitions aside): the function may leave there. */
function mayLeave(n: SyntaxNode): boolean {
  return occursIn(n, LEAVING);
}

/** Run `f` with the flow marked "may not run" (a loop body, a handler), then restore it. */
function maybeRun(ctx: Ctx, f: () => void): void {
  const flow = ctx.flow;
  if (!flow) return f();
  const was = flow.maybe;
  flow.maybe = true;
  try {
    f();
  } finally {
    flow.maybe = was;
    // A `return` or `raise` inside leaves the rest of the function only maybe reached; a loop
    // or handler that stopped its own body does not stop the code after it.
    flow.stopped = false;
  }
}

/** Python truth of a value the analysis knows, else `undefined`. */
function truth(v: Val): boolean | undefined {
  switch (v.k) {
    case 'bool': return v.v;
    case 'none': return false;
    case 'int': { const c = constBig(v.e); return c === undefined ? undefined : c !== 0n; }
    case 'str': return v.v.length > 0;
    case 'tuple': return v.items.length > 0;
    default: return undefined;
  }
}

/**
 * `if` / `elif` / `else`: a branch whose condition is known false is skipped, one known true
 * is the only one taken. Each branch starts from the values before the statement; after it,
 * a name keeps its value only when every path that goes on (taken branches that do not end
 * in return/raise/break/continue, and "none taken" when possible) gives the same one. No
 * last-assignment-wins: `if c: n = 20` leaves n unknown, not 20.
 */
function execIf(n: SyntaxNode, ctx: Ctx): void {
  const written = assignedNames(n, ctx);
  const before = snapshot(written, ctx);
  const ends: Map<string, Val | undefined>[] = [];
  const cs = kids(n);
  let cond: boolean | undefined;
  let decided = false;
  // Once a condition is unknown, the branches after it run only maybe (an `else` too).
  let unsure = false;
  for (let i = 0; i < cs.length && !decided; i++) {
    const c = cs[i]!;
    if (c.name === 'if' || c.name === 'elif') {
      const e = cs[i + 1];
      cond = e && e.name !== 'Body' ? truth(evalExpr(e, ctx)) : undefined;
      if (e && e.name !== 'Body') i++;
      continue;
    }
    if (c.name === 'else') { cond = true; continue; }
    if (c.name !== 'Body' || cond === false) continue;
    restore(before, ctx);
    const run = () => execBody(c, ctx);
    const certain = cond === true && !unsure;
    if (certain) run();
    else maybeRun(ctx, run);
    if (cond === true) decided = true;
    else unsure = true;
    if (bodyLeaves(c)) {
      if (certain && ctx.flow && mayLeave(c)) ctx.flow.stopped = true;
      else if (ctx.flow && mayLeave(c)) ctx.flow.maybe = true;
      continue;
    }
    // A body that ran for certain has set the flow itself, statement by statement (a guard
    // inside it that cannot fire leaves nothing maybe); one that may have run has not.
    if (!certain && ctx.flow && mayLeave(c)) ctx.flow.maybe = true;
    ends.push(snapshot(written, ctx));
  }
  if (!decided) ends.push(before);
  if (ends.length === 0) {
    // Every path left: nothing after runs (in this function, or this loop iteration).
    if (ctx.flow) ctx.flow.stopped = true;
    return;
  }
  mergeInto(written, ends, ctx, before);
}

const DIRECTIVE = /^#\s*stride-lens:\s*([A-Za-z_][\w.]*)\s+(torch\.)?([A-Za-z0-9_]+)\s*\[([^\]]*)\]/;

/** Parse `# stride-lens: NAME [torch.]DTYPE[d0, d1, …]`: the array NAME holds, from here on. */
export function parseDirective(comment: string): { name: string; fact: ArrayFact } | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const lib: Lib = m[2] ? 'torch' : 'numpy';
  const dtype = dtypeByName(m[3]!, lib);
  if (!dtype) return undefined;
  const dims = m[4]!.split(',').map((d) => d.trim()).filter((d) => d !== '');
  const shape: Lin[] = [];
  for (const d of dims) {
    if (/^\d+$/.test(d)) shape.push(lin(Number(d)));
    else if (/^[A-Za-z_]\w*$/.test(d)) shape.push(linVar(d));
    else return undefined;
  }
  return { name: m[1]!, fact: newArray(lib, m[1]!, shape, dtype) };
}

function execStatement(n: SyntaxNode, ctx: Ctx): void {
  switch (n.name) {
    case 'Comment': {
      const d = parseDirective(src(ctx, n));
      if (d) setVar(ctx, d.name, { k: 'array', a: d.fact });
      return;
    }
    case 'ImportStatement': return execImport(n, ctx);
    case 'AssignStatement': return execAssign(n, ctx);
    case 'UpdateStatement': return execUpdate(n, ctx);
    case 'StatementGroup': return execBlock(n, ctx);
    case 'FunctionDefinition': return execFunction(n, ctx);
    case 'DecoratedStatement': {
      // A decorator may change what calling the function does (np.vectorize calls it per
      // element): only those known to keep it let call sites run the body.
      const keeps = n.getChildren('Decorator').every((d) => KEEPS_CALLS.test(src(ctx, d).replace(/\(.*$/s, '').replace(/^@\s*/, '').trim()));
      for (const c of kids(n)) {
        if (c.name === 'FunctionDefinition') {
          execFunction(c, ctx);
          const fname = c.getChild('VariableName');
          if (!keeps && fname) setVar(ctx, src(ctx, fname), UNKNOWN);
        } else if (c.name === 'ClassDefinition') execClass(c, ctx, true);
      }
      return;
    }
    case 'ClassDefinition': return execClass(n, ctx);
    case 'ForStatement': {
      // Targets become unknown; the body is walked once, with every name it assigns unknown
      // on entry (a later iteration sees what an earlier one wrote) and merged after.
      let seenIn = false;
      const written = assignedNames(n, ctx);
      const before = snapshot(written, ctx);
      for (const c of kids(n)) {
        if (c.name === 'in') { seenIn = true; continue; }
        if (c.name === 'Body') {
          forgetAll(written, ctx);
          forgetValues(ctx);
          if (mayRebindAttributes(c)) attributesMayChange(ctx);
          maybeRun(ctx, () => execBody(c, ctx));
        } else if (!seenIn && c.name === 'VariableName') setVar(ctx, src(ctx, c), UNKNOWN);
        else if (!seenIn && c.name === 'TupleExpression') for (const v of c.getChildren('VariableName')) setVar(ctx, src(ctx, v), UNKNOWN);
        else if (seenIn) evalExpr(c, ctx);
      }
      if (ctx.flow && mayLeave(n)) ctx.flow.maybe = true;
      mergeInto(written, [before, snapshot(written, ctx)], ctx, before);
      return;
    }
    case 'WithStatement': {
      const cs = kids(n);
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!;
        if (c.name === 'Body') execBody(c, ctx);
        else if (c.name === 'as' && cs[i + 1]?.name === 'VariableName') { setVar(ctx, src(ctx, cs[i + 1]!), UNKNOWN); i++; }
        else if (c.name !== 'with' && c.name !== 'async' && c.name !== ',') evalExpr(c, ctx);
      }
      return;
    }
    case 'IfStatement': return execIf(n, ctx);
    case 'WhileStatement': case 'TryStatement': case 'MatchStatement': case 'MatchBody': case 'MatchClause': {
      // Like `if` with every condition unknown, except that loops and try blocks start their
      // bodies with what they assign unknown (they may run again, or stop early).
      const written = assignedNames(n, ctx);
      const before = snapshot(written, ctx);
      const ends: Map<string, Val | undefined>[] = [before];
      for (const c of kids(n)) {
        if (c.name === 'Body' || c.name === 'MatchBody' || c.name === 'MatchClause') {
          restore(before, ctx);
          forgetAll(written, ctx);
          if (n.name === 'WhileStatement') forgetValues(ctx);
          if (n.name === 'WhileStatement' && mayRebindAttributes(n)) attributesMayChange(ctx);
          maybeRun(ctx, () => execBody(c, ctx));
          ends.push(snapshot(written, ctx));
        } else if (c.name !== 'as' && c.name !== 'VariableName' || n.name !== 'TryStatement') evalExpr(c, ctx);
        else if (c.name === 'VariableName') setVar(ctx, src(ctx, c), UNKNOWN);
      }
      if (ctx.flow && mayLeave(n)) ctx.flow.maybe = true;
      mergeInto(written, ends, ctx, before);
      return;
    }
    case 'RaiseStatement':
      for (const c of kids(n)) evalExpr(c, ctx);
      if (ctx.flow) ctx.flow.stopped = true;
      return;
    case 'AssertStatement': {
      const cs = kids(n);
      const ok = cs[1] ? truth(evalExpr(cs[1], ctx)) : undefined;
      if (ctx.flow && ok === false) ctx.flow.stopped = true;
      else if (ctx.flow && ok === undefined) ctx.flow.maybe = true;
      return;
    }
    case 'Body': return execBody(n, ctx);
    case 'ReturnStatement': {
      const value = n.lastChild && n.lastChild.name !== 'return' ? evalExpr(n.lastChild, ctx) : { k: 'none' } as const;
      ctx.returns?.push(value);
      if (ctx.flow) ctx.flow.stopped = true;
      return;
    }
    default: {
      // Expression statements, return, print, assert, del, raise, error nodes: evaluate what
      // is an expression so the stride calls inside are still found. A list changed in place
      // (`xs.append(3)`, `del xs[0]`) is followed when `listChange` can, else it becomes unknown.
      const change = inPlaceListChange(n, ctx);
      const list = change && getVar(ctx, change.name);
      for (const c of kids(n)) evalExpr(c, ctx);
      for (const name of assignedNames(n, ctx)) {
        const v = getVar(ctx, name);
        if (v && (v.k === 'tuple' || v.k === 'symtuple')) setVar(ctx, name, freshSym(ctx, name, v));
        if (v && holdsList(v)) forgetValues(ctx);
      }
      const changed = change && list && listChange(list, change.op, change.operands, undefined, ctx);
      if (changed) setVar(ctx, change!.name, changed);
    }
  }
}

/** The statement `NAME.insert(i, v)`, `NAME.append(v)` or `del NAME[i]`, taken apart (see `listChange`). */
function inPlaceListChange(n: SyntaxNode, ctx: Ctx): { name: string; op: 'insert' | 'append' | 'del'; operands: (SyntaxNode | null)[] } | undefined {
  const first = n.firstChild;
  if (n.name === 'DeleteStatement') {
    const cs = kids(n);
    const t = cs[1];
    if (cs.length !== 2 || t?.name !== 'MemberExpression' || !t.getChild('[') || t.firstChild?.name !== 'VariableName') return undefined;
    return { name: src(ctx, t.firstChild), op: 'del', operands: [soleIndex(t)] };
  }
  if (n.name !== 'ExpressionStatement' || first?.name !== 'CallExpression') return undefined;
  const callee = first.firstChild;
  const prop = callee?.name === 'MemberExpression' ? callee.getChild('PropertyName') : null;
  const obj = callee?.firstChild;
  const op = prop ? src(ctx, prop) : '';
  if (obj?.name !== 'VariableName' || (op !== 'insert' && op !== 'append')) return undefined;
  const args = first.getChild('ArgList');
  const operands = args ? commaGroups(kids(args).slice(1, -1)).map((g) => (g.length === 1 ? g[0]! : null)) : [];
  if (operands.length !== (op === 'insert' ? 2 : 1)) return undefined;
  return { name: src(ctx, obj), op, operands };
}

function execBody(n: SyntaxNode, ctx: Ctx): void {
  if (ctx.depth > MAX_DEPTH) return;
  ctx.depth++;
  try {
    execBlock(n, ctx);
  } finally {
    ctx.depth--;
  }
}

function execImport(n: SyntaxNode, ctx: Ctx): void {
  const cs = kids(n);
  const isFrom = cs[0]?.name === 'from';
  let i = 1;
  const dotted = (): string => {
    const parts: string[] = [];
    while (i < cs.length && (cs[i]!.name === 'VariableName' || cs[i]!.name === '.')) {
      if (cs[i]!.name === 'VariableName') parts.push(src(ctx, cs[i]!));
      i++;
    }
    return parts.join('.');
  };
  if (isFrom) {
    while (i < cs.length && (cs[i]!.name === '.' || cs[i]!.name === 'Ellipsis')) i++;
    const mod = dotted();
    while (i < cs.length && cs[i]!.name !== 'import') i++;
    i++;
    if (cs[i]?.name === '*' && canonical(mod) === 'numpy.lib.stride_tricks') {
      for (const f of ['as_strided', 'sliding_window_view', 'broadcast_to']) setVar(ctx, f, { k: 'ref', path: `numpy.lib.stride_tricks.${f}` });
      return;
    }
    while (i < cs.length) {
      const c = cs[i]!;
      if (c.name === 'VariableName') {
        const name = src(ctx, c);
        let bound = name;
        if (cs[i + 1]?.name === 'as' && cs[i + 2]?.name === 'VariableName') { bound = src(ctx, cs[i + 2]!); i += 2; }
        setVar(ctx, bound, mod ? { k: 'ref', path: canonical(`${mod}.${name}`) } : UNKNOWN);
      }
      i++;
    }
    return;
  }
  while (i < cs.length) {
    const c = cs[i]!;
    if (c.name === 'VariableName') {
      const first = src(ctx, c);
      const path = dotted();
      if (cs[i]?.name === 'as' && cs[i + 1]?.name === 'VariableName') {
        setVar(ctx, src(ctx, cs[i + 1]!), { k: 'ref', path: canonical(path) });
        i += 2;
      } else setVar(ctx, first, { k: 'ref', path: canonical(first) });
      continue;
    }
    i++;
  }
}

/** Library paths under their public names (`numpy.lib.stride_tricks.as_strided`). */
function canonical(path: string): string {
  return path
    .replace(/^numpy\.lib\._stride_tricks_impl\b/, 'numpy.lib.stride_tricks')
    .replace(/^numpy\.lib\.stride_tricks\.lib\b/, 'numpy.lib.stride_tricks');
}

function execAssign(n: SyntaxNode, ctx: Ctx): void {
  const cs = kids(n);
  const groups: SyntaxNode[][] = [[]];
  let annotation: SyntaxNode | undefined;
  for (const c of cs) {
    if (c.name === 'AssignOp') groups.push([]);
    else if (c.name === 'TypeDef') annotation = c;
    else groups[groups.length - 1]!.push(c);
  }
  const valueNodes = groups[groups.length - 1]!;
  let value: Val;
  if (groups.length === 1) {
    value = UNKNOWN; // a bare annotation `x: T`
  } else {
    value = evalGroup(valueNodes, ctx);
  }
  if (annotation) {
    const ann = annotationFact(annotation, ctx, src(ctx, groups[0]![0] ?? n));
    if (ann && (value.k !== 'array' || !value.a.shape)) value = ann;
  }
  for (const g of groups.slice(0, -1).concat(groups.length === 1 ? [groups[0]!] : [])) bindTargets(g, value, ctx);
}

function evalGroup(nodes: SyntaxNode[], ctx: Ctx): Val {
  const items = nodes.filter((c) => c.name !== ',');
  if (items.length === 1 && !nodes.some((c) => c.name === ',')) return evalExpr(items[0]!, ctx);
  return { k: 'tuple', items: items.map((c) => evalExpr(c, ctx)) };
}

function bindTargets(nodes: SyntaxNode[], value: Val, ctx: Ctx): void {
  const targets = nodes.filter((c) => c.name !== ',');
  if (targets.length === 1 && !nodes.some((c) => c.name === ',')) return bindTarget(targets[0]!, value, ctx);
  bindSequence(targets, value, ctx);
}

function bindSequence(targets: SyntaxNode[], value: Val, ctx: Ctx): void {
  if (value.k === 'symtuple') {
    if ((value.times ?? 1) === 1) learnNdim(value.base, targets.length, ctx);
    targets.forEach((t, i) => bindTarget(t, indexSymtuple(value.base, i % Math.max(1, Math.floor(targets.length / (value.times ?? 1)))), ctx));
    return;
  }
  const items = value.k === 'tuple' && value.items.length === targets.length ? value.items : undefined;
  targets.forEach((t, i) => bindTarget(t, items ? items[i]! : UNKNOWN, ctx));
}

/** `h, w = x.shape` of an unknown `x`: from here on `x` has that many dimensions, all symbolic. */
function learnNdim(base: string, nd: number, ctx: Ctx): void {
  const m = /^([A-Za-z_]\w*)(′*)\.(shape|strides)$/.exec(base);
  if (!m || nd > 32) return;
  // The variable `x`; its unknown may be `x′` once x was rebound (the atoms are the unknown's).
  const name = m[1]!;
  const label = `${name}${m[2]}`;
  const cur = getVar(ctx, name) ?? { k: 'sym', name };
  const a = cur.k === 'sym' ? unknownArray(cur.name, cur.lib) : cur.k === 'array' && cur.a.symbolic && !cur.a.shape ? cur.a : undefined;
  if (a?.symbolic !== label) return;
  const shape = Array.from({ length: nd }, (_, k) => attrAtom(a.symbolic!, 'shape', k));
  const strides = Array.from({ length: nd }, (_, k) => attrAtom(a.symbolic!, 'strides', k));
  setVar(ctx, name, { k: 'array', a: { ...a, shape, strides } });
}

/** Note what `name` holds at node `n`, when it is an array or an integer (see `NameFact`). */
function noteName(ctx: Ctx, n: SyntaxNode, name: string, v: Val): void {
  if (ctx.names && (v.k === 'array' || v.k === 'int')) ctx.names.push({ span: span(ctx, n), name, value: v });
}

function bindTarget(t: SyntaxNode, value: Val, ctx: Ctx): void {
  if (t.name === 'VariableName') {
    const name = src(ctx, t);
    const bound: Val = value.k === 'unknown' ? freshSym(ctx, name, getVar(ctx, name)) : relabel(value, name);
    noteName(ctx, t, name, bound);
    setVar(ctx, name, bound);
  } else if (t.name === 'TupleExpression' || t.name === 'ParenthesizedExpression' || t.name === 'ArrayExpression') {
    bindSequence(commaGroups(kids(t)).map((g) => g[0]!), value, ctx);
  } else {
    // `self.x = v` in an `__init__` being run for `Cls(…)`: the instance's attribute (unknown
    // when the assignment may not run). Any other attribute assignment on an instance makes
    // the name holding it unknown (instances are snapshots).
    if (t.name === 'MemberExpression' && t.getChild('.') && t.firstChild?.name === 'VariableName') {
      const holder = src(ctx, t.firstChild);
      const o = getVar(ctx, holder);
      const prop = t.getChild('PropertyName');
      if (o?.k === 'obj' && prop) {
        if (BUILDING.has(o)) (o.attrs as Map<string, Val>).set(src(ctx, prop), ctx.flow?.maybe ? UNKNOWN : withoutValues(value));
        else setVar(ctx, holder, { k: 'sym', name: holder });
        return;
      }
    }
    if (t.name === 'MemberExpression' && t.getChild('.')) attributesMayChange(ctx);
    // Attribute or item assignment: evaluate for nested calls. An item assigned in a list
    // changes the list: its new items when `listChange` can tell them, else it becomes
    // unknown (an array keeps its layout, not its items).
    const base = t.name === 'MemberExpression' && t.getChild('[') ? t.firstChild : null;
    const list = base?.name === 'VariableName' ? getVar(ctx, src(ctx, base)) : undefined;
    evalExpr(t, ctx);
    forgetValues(ctx);
    if (base?.name === 'VariableName') {
      const name = src(ctx, base);
      const v = getVar(ctx, name);
      if (v && (v.k === 'tuple' || v.k === 'symtuple')) setVar(ctx, name, freshSym(ctx, name, v));
      const changed = list && listChange(list, 'set', [soleIndex(t)], value, ctx);
      if (changed) setVar(ctx, name, changed);
    }
  }
}

/**
 * A list the code changes in place (`shape[0] = n`, `shape.insert(-1, w)`, `shape.append(w)`,
 * `del shape[1]`), as Python leaves it, when the list's items are known, the index is a
 * constant in range and the operands call nothing (they are evaluated again here); else
 * `undefined` and the list becomes unknown. Other names that may alias it are forgotten by
 * the caller (`forgetValues`): only the name written through keeps the new items.
 */
function listChange(list: Val, op: 'set' | 'insert' | 'append' | 'del', operands: readonly (SyntaxNode | null | undefined)[], value: Val | undefined, ctx: Ctx): Val | undefined {
  if (list.k !== 'tuple' || list.seq !== 'list') return undefined;
  const vals: Val[] = [];
  for (const node of operands) {
    if (!node || containsCall(node)) return undefined;
    vals.push(evalExpr(node, ctx));
  }
  const item = value ?? vals[vals.length - 1];
  if (op !== 'del' && (!item || isMutable(item) || item.k === 'unknown')) return undefined;
  const items = [...list.items];
  if (op === 'append') items.push(item!);
  else {
    const i = constOfInt(vals[0]);
    if (i === undefined) return undefined;
    if (op === 'insert') {
      // Python clamps an insert position into [0, len].
      const at = Math.min(Math.max(i < 0 ? i + items.length : i, 0), items.length);
      items.splice(at, 0, item!);
    } else {
      const at = i < 0 ? i + items.length : i;
      if (at < 0 || at >= items.length) return undefined; // IndexError
      if (op === 'set') items[at] = item!;
      else items.splice(at, 1);
    }
  }
  return items.length <= MAX_TUPLE ? { k: 'tuple', items, seq: 'list' } : undefined;
}

/** The index of `x[i]`, or null for a slice (`x[1:]`) or several (`x[i, j]`). */
function soleIndex(t: SyntaxNode): SyntaxNode | null {
  const idx = t.getChild('[')?.nextSibling;
  return idx && idx.nextSibling?.name === ']' ? idx : null;
}

function containsCall(n: SyntaxNode): boolean {
  let found = false;
  n.cursor().iterate((c) => { if (c.name === 'CallExpression' || c.name === 'Lambda' || c.name === 'NamedExpression') found = true; return !found; });
  return found;
}

/** An array bound to a name is called by that name in messages. */
function relabel(v: Val, name: string): Val {
  if (v.k !== 'array') return v;
  const a = v.a;
  const ownsBuffer = a.buffer.label === a.label && constOf(a.offset) === 0;
  return { ...v, a: { ...a, label: name, buffer: ownsBuffer ? { ...a.buffer, label: name } : a.buffer } };
}

function execUpdate(n: SyntaxNode, ctx: Ctx): void {
  const cs = kids(n);
  const target = cs[0];
  const op = cs.find((c) => c.name === 'UpdateOp');
  const rhs = cs[cs.length - 1];
  if (!target || !op || !rhs || rhs === op) return;
  const right = evalExpr(rhs, ctx);
  if (target.name !== 'VariableName') { forgetValues(ctx); return; }
  const left = lookup(src(ctx, target), ctx);
  const result = binary(src(ctx, op).slice(0, -1), left, right, ctx);
  // `a += 1` on an array (or `xs += […]` on a list) writes in place: what else holds it changes too.
  if (left.k === 'array' || holdsList(left)) forgetValues(ctx);
  setVar(ctx, src(ctx, target), result);
}

/** A parameter of a function the code defines. */
interface Param {
  readonly name: string;
  /** The default's value, evaluated where the function is defined. */
  readonly dflt: Val | undefined;
  readonly annotation: Val | undefined;
  /** Positional (or keyword), keyword-only (after `*`), `*args` or `**kwargs`. */
  readonly kind: 'pos' | 'kwonly' | 'varargs' | 'varkw';
}

/** What a call of a function the code defines needs to run its body. */
interface FuncDef {
  readonly kind: 'function';
  readonly name: string;
  readonly body: SyntaxNode;
  /** The text, unit and tree base the body's nodes point into (they may be an earlier parse's). */
  readonly text: string;
  readonly unit: number;
  readonly base: number;
  /**
   * The scope the body's free names resolve in, or `undefined` for a module-level function:
   * then the caller's module scope (a definition replayed from an earlier analysis must not
   * see that analysis's names).
   */
  readonly env: Env | undefined;
  readonly params: readonly Param[];
  /** Directive facts just above the definition, for its parameters. */
  readonly directives: ReadonlyMap<string, Val>;
  /** A generator or coroutine: a call returns no value the body computes. */
  readonly lazy: boolean;
  /** Where the body's stride calls that resolve without any argument start (already shown there). */
  readonly resolvedInBody: Set<number>;
}

function params(list: SyntaxNode | null, ctx: Ctx): Param[] {
  const out: Param[] = [];
  if (!list) return out;
  const cs = kids(list);
  let star: '' | '*' | '**' = '';
  let kwonly = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c.name === '*' || c.name === '**') { star = c.name; kwonly = true; continue; }
    if (c.name === ',') { star = ''; continue; }
    if (c.name !== 'VariableName') continue;
    const name = src(ctx, c);
    let annotation: Val | undefined;
    let dflt: Val | undefined;
    if (cs[i + 1]?.name === 'TypeDef') annotation = annotationFact(cs[++i]!, ctx, name);
    if (cs[i + 1]?.name === 'AssignOp' && cs[i + 2]) { dflt = evalExpr(cs[i + 2]!, ctx); i += 2; }
    out.push({ name, dflt, annotation, kind: star === '*' ? 'varargs' : star === '**' ? 'varkw' : kwonly ? 'kwonly' : 'pos' });
  }
  return out;
}

function execFunction(n: SyntaxNode, ctx: Ctx): void {
  const name = n.getChild('VariableName');
  const body = n.getChild('Body');
  if (!name) return;
  const fname = src(ctx, name);
  if (!body || ctx.depth > MAX_DEPTH) { setVar(ctx, fname, UNKNOWN); return; }
  const ps = params(n.getChild('ParamList'), ctx);
  // Directives just above the definition apply to its parameters.
  const directives = new Map<string, Val>();
  for (let prev = n.prevSibling; prev && prev.name === 'Comment'; prev = prev.prevSibling) {
    const d = parseDirective(src(ctx, prev));
    if (d) directives.set(d.name, { k: 'array', a: d.fact });
  }
  const def: FuncDef = {
    kind: 'function', name: fname, body, text: ctx.text, unit: ctx.unit, base: ctx.base, env: ctx.env.parent ? ctx.env : undefined, params: ps, directives,
    lazy: n.firstChild?.name === 'async' || occursIn(body, YIELDING), resolvedInBody: new Set(),
  };
  setVar(ctx, fname, { k: 'func', name: fname, def });
  const inner: Ctx = { ...ctx, env: newEnv(ctx.env), calls: [], returns: undefined, flow: newFlow(), attrEpoch: { n: 0 } };
  // A default is one value a caller may pass, not the value: the parameter stays symbolic,
  // so no verdict holds only for the default (a ✓ must hold for every value allowed).
  for (const p of ps) setVar(inner, p.name, p.annotation ?? { k: 'sym', name: p.name });
  for (const [k, v] of directives) setVar(inner, k, v);
  inner.depth++;
  execBlock(body, inner);
  // Views already shown inside the body (resolved there, or at a call site there) are not
  // shown again at each call of this function.
  for (const f of inner.calls) if (resolved(f)) def.resolvedInBody.add(f.span.from);
  ctx.calls.push(...inner.calls);
}

function moduleEnv(env: Env): Env {
  let e = env;
  while (e.parent) e = e.parent;
  return e;
}

/**
 * Whether a stride call's view is known to the byte (source, shape, strides, offset all
 * numbers) or known to raise: what a call site can show on its own.
 */
function resolved(f: CallFacts): boolean {
  if (f.problem) return true;
  const s = f.source;
  const known = (xs: readonly Lin[] | undefined) => xs !== undefined && xs.every(isConst);
  return !!s && known(s.shape) && known(s.strides) && known([s.itemsize]) && known(f.shape) && known(f.strides) && f.offset !== undefined && known([f.offset]);
}

/** What `callUser` returns when the call does not bind or run (distinct from an unknown result). */
const UNKNOWN_CALL: Val = { k: 'unknown' };

/** Instances whose `__init__` is running: their attribute assignments are recorded. */
const BUILDING = new WeakSet<Val>();

/**
 * A call of a function the code defines: its body runs with the call's arguments (module
 * names as they are now), and the stride calls it makes that resolve with them are recorded
 * at the call site (`via` the function). Returns what the body returns when every `return`
 * run agrees on it, else unknown. Anything that does not bind like Python would (missing or
 * extra arguments, `**kwargs` passed on), a generator, recursion or the work budget running
 * out leaves the call unknown (`UNKNOWN_CALL`); `init` is the instance an `__init__` builds.
 */
function callUser(def: FuncDef, a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: Ctx, init?: Val): Val {
  // A generator's or coroutine's body does not run at the call (only when iterated or awaited).
  if (def.lazy || a.starred || ctx.active?.has(def) || ctx.depth > MAX_DEPTH || ctx.budget.left <= 0) return UNKNOWN_CALL;
  // Bind as Python does: positionals in order, then `*args` takes the rest; keywords by name
  // (`**kwargs` takes unknown ones); defaults for the rest. Anything else is a TypeError.
  const bound = new Map<string, Val>();
  const pos = def.params.filter((p) => p.kind === 'pos');
  const varargs = def.params.find((p) => p.kind === 'varargs');
  const varkw = def.params.find((p) => p.kind === 'varkw');
  for (const k of a.kw.keys()) if (!def.params.some((p) => p.name === k && (p.kind === 'pos' || p.kind === 'kwonly')) && !varkw) return UNKNOWN_CALL;
  if (a.pos.length > pos.length && !varargs) return UNKNOWN_CALL;
  for (const [i, p] of pos.entries()) {
    if (i < a.pos.length && a.kw.has(p.name)) return UNKNOWN_CALL;
    const v = i < a.pos.length ? a.pos[i] : a.kw.get(p.name) ?? p.dflt;
    if (!v) return UNKNOWN_CALL;
    bound.set(p.name, v);
  }
  for (const p of def.params.filter((q) => q.kind === 'kwonly')) {
    const v = a.kw.get(p.name) ?? p.dflt;
    if (!v) return UNKNOWN_CALL;
    bound.set(p.name, v);
  }
  if (varargs) bound.set(varargs.name, { k: 'tuple', items: a.pos.slice(pos.length) });
  if (varkw) bound.set(varkw.name, UNKNOWN);
  ctx.budget.left--;
  const inner: Ctx = {
    text: def.text, unit: def.unit, env: newEnv(def.env ?? moduleEnv(ctx.env)), calls: [], options: ctx.options, depth: ctx.depth + 1,
    track: ctx.track, base: def.base, active: new Set([...(ctx.active ?? []), def]), returns: [], budget: ctx.budget, flow: newFlow(), attrEpoch: { n: 0 },
  };
  for (const [k, v] of bound) setVar(inner, k, v);
  for (const [k, v] of def.directives) if (!a.kw.has(k)) setVar(inner, k, v);
  if (init) BUILDING.add(init);
  const forgottenBefore = forgotten;
  try {
    execBlock(def.body, inner);
  } finally {
    if (init) BUILDING.delete(init);
  }
  // The body may have written into an array the caller holds too.
  if (forgotten !== forgottenBefore) forgetValues(ctx, true);
  const site = span(ctx, call);
  const calleeSpan = span(ctx, callee);
  const argsSpan = span(ctx, call.getChild('ArgList') ?? call);
  for (const f of inner.calls) {
    if (inner.flow!.shaky.has(f) || !resolved(f) || def.resolvedInBody.has(f.span.from)) continue;
    record(ctx, {
      ...f, unit: ctx.unit, span: site, calleeSpan, argsSpan, calleeText: src(ctx, callee),
      sourceText: f.source?.label ?? f.sourceText, shapeArg: undefined, stridesArg: undefined, writeableSpan: undefined,
      via: f.via ? `${def.name} → ${f.via}` : def.name,
    });
  }
  const rs = inner.returns!;
  if (rs.length === 0) return UNKNOWN;
  return rs.every((r) => r === rs[0] || sameVal(r, rs[0])) ? rs[0]! : UNKNOWN;
}

/**
 * A class the code defines, for instances whose attributes come from `__init__`: only a class
 * without bases or decorators whose `__init__` does not hand `self` to other code; an
 * attribute any other method assigns is unknown on every instance.
 */
interface ClassDef {
  readonly kind: 'class';
  readonly name: string;
  readonly init: FuncDef | undefined;
  readonly methods: ReadonlyMap<string, FuncDef>;
  readonly volatile: ReadonlySet<string>;
}

function execClass(n: SyntaxNode, ctx: Ctx, decorated = false): void {
  const name = n.getChild('VariableName');
  const body = n.getChild('Body');
  if (name) setVar(ctx, src(ctx, name), UNKNOWN);
  if (!body || ctx.depth > MAX_DEPTH) return;
  const inner: Ctx = { ...ctx, env: newEnv(ctx.env), depth: ctx.depth + 1 };
  execBlock(body, inner);
  const plain = !decorated && !n.getChild('ArgList');
  if (!name || !plain) return;
  // Methods: plain definitions in the class body (decorated ones may be properties or
  // class/static methods: their names are unknown attributes).
  const methods = new Map<string, FuncDef>();
  const volatile = new Set<string>();
  let init: FuncDef | undefined;
  for (let c = body.firstChild; c; c = c.nextSibling) {
    const fn = c.name === 'FunctionDefinition' ? c : undefined;
    const fname = (fn ?? (c.name === 'DecoratedStatement' ? c.getChild('FunctionDefinition') : null))?.getChild('VariableName');
    if (!fname) continue;
    const mname = src(ctx, fname);
    const v = inner.env.vars.get(mname);
    if (!fn || v?.k !== 'func') { volatile.add(mname); continue; }
    const def = v.def as FuncDef;
    if (mname === '__init__') {
      // `self` handed to other code could be given any attributes there.
      const initBody = fn.getChild('Body');
      if (!initBody || /[(,]\s*self\s*[,)]|\bsuper\s*\(|setattr\s*\(|__dict__/.test(src(ctx, initBody))) return;
      init = def;
    } else {
      methods.set(mname, def);
      for (const a of selfAssigned(fn, ctx)) volatile.add(a);
    }
    if (mname === '__setattr__' || mname === '__getattr__' || mname === '__getattribute__') return;
  }
  const cls: ClassDef = { kind: 'class', name: src(ctx, name), init, methods, volatile };
  setVar(ctx, cls.name, { k: 'func', name: cls.name, def: cls });
}

/** Attribute names a method assigns on `self` (`self.x = …`, `self.x += …`, `self.x[…] = …` aside). */
function selfAssigned(fn: SyntaxNode, ctx: Ctx): Set<string> {
  const out = new Set<string>();
  const visit = (x: SyntaxNode): void => {
    if (x.name === 'AssignStatement' || x.name === 'UpdateStatement') {
      for (const t of kids(x)) {
        if (t.name === 'AssignOp' || t.name === 'UpdateOp') break;
        const targets = t.name === 'TupleExpression' ? kids(t) : [t];
        for (const m of targets) {
          if (m.name === 'MemberExpression' && m.getChild('.') && m.firstChild?.name === 'VariableName' && src(ctx, m.firstChild) === 'self') {
            const p = m.getChild('PropertyName');
            if (p) out.add(src(ctx, p));
          }
        }
      }
    }
    for (let c = x.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(fn);
  return out;
}

/** `Cls(…)`: the instance with the attributes `__init__` certainly set, or unknown. */
function instantiate(cls: ClassDef, a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: Ctx): Val {
  const attrs = new Map<string, Val>();
  const obj: Val = { k: 'obj', cls, attrs };
  if (cls.init) {
    const r = callUser(cls.init, { ...a, pos: [obj, ...a.pos], posNodes: [call, ...a.posNodes] }, call, callee, ctx, obj);
    if (r === UNKNOWN_CALL) return UNKNOWN;
  } else if (a.pos.length || a.kw.size || a.starred) return UNKNOWN;
  for (const v of cls.volatile) attrs.delete(v);
  return obj;
}

const JAXTYPING = /^(Float|Float16|Float32|Float64|Int|Int8|Int16|Int32|Int64|UInt|UInt8|UInt16|UInt32|UInt64|Bool|Shaped|Num|Real|Inexact|Integer|Complex|Complex64|Complex128)$/;

/** An array fact from an annotation: `Float32[np.ndarray, "28 28"]`, `npt.NDArray[np.float32]`, `torch.Tensor`. */
function annotationFact(typeDef: SyntaxNode, ctx: Ctx, label: string): Val | undefined {
  const expr = kids(typeDef).find((c) => c.name !== ':');
  if (!expr || expr.name !== 'MemberExpression') {
    if (expr && /^torch\.Tensor$/.test(src(ctx, expr))) return { k: 'sym', name: label, lib: 'torch' };
    return undefined;
  }
  const head = expr.firstChild;
  if (!head) return undefined;
  const headText = src(ctx, head).replace(/^\w+\./, (m) => (m === 'jaxtyping.' || m === 'jt.' ? '' : m));
  const inside = commaGroups(kids(expr).slice(1));
  if (JAXTYPING.test(headText) && inside.length >= 2) {
    const kindText = src(ctx, inside[0]![0]!);
    const lib: Lib = /torch/.test(kindText) ? 'torch' : 'numpy';
    const dimsNode = inside[1]![0]!;
    if (dimsNode.name !== 'String') return undefined;
    const dims = src(ctx, dimsNode).replace(/^[rRbBuU]*['"]+|['"]+$/g, '').trim().split(/\s+/).filter(Boolean);
    const m = /(\d+)$/.exec(headText);
    const dtype = m ? dtypeByName(`${headText.startsWith('UInt') ? 'uint' : headText.startsWith('Int') ? 'int' : headText.startsWith('Complex') ? 'complex' : 'float'}${m[1]}`) : headText === 'Bool' ? BOOL : undefined;
    const shape: Lin[] = [];
    for (const d of dims) {
      if (/^\d+$/.test(d)) shape.push(lin(Number(d)));
      else if (/^[A-Za-z_]\w*$/.test(d)) shape.push(linVar(d));
      else return undefined; // "*batch", "..." etc.: the dimension count is unknown
    }
    if (!dtype) return { k: 'sym', name: label, lib };
    return { k: 'array', a: newArray(lib, label, shape, dtype) };
  }
  if (/(^|\.)NDArray$/.test(headText) && inside.length >= 1) {
    const dt = evalExpr(inside[0]![0]!, ctx);
    const d = dtypeOf(dt, 'numpy');
    if (!d) return undefined;
    const base = unknownArray(label);
    return { k: 'array', a: { ...base, dtype: d, itemsize: lin(d.itemsize) } };
  }
  return undefined;
}

// ---------------------------------------------------------------- expressions

function lookup(name: string, ctx: Ctx): Val {
  const v = getVar(ctx, name);
  if (v) return v;
  if (name === 'True' || name === 'False') return { k: 'bool', v: name === 'True' };
  return { k: 'sym', name };
}

/** Evaluate an expression node; never throws. */
function evalExpr(n: SyntaxNode, ctx: Ctx): Val {
  if (ctx.depth > MAX_DEPTH) return UNKNOWN;
  ctx.depth++;
  try {
    return evalInner(n, ctx);
  } finally {
    ctx.depth--;
  }
}

function evalInner(n: SyntaxNode, ctx: Ctx): Val {
  switch (n.name) {
    case 'Number': return numberVal(src(ctx, n));
    case 'String': return { k: 'str', v: stringValue(src(ctx, n)) };
    case 'Boolean': return { k: 'bool', v: src(ctx, n) === 'True' };
    case 'None': return { k: 'none' };
    case 'VariableName': {
      const name = src(ctx, n);
      const v = lookup(name, ctx);
      noteName(ctx, n, name, v);
      return v;
    }
    case 'ParenthesizedExpression': {
      const inner = kids(n).find((c) => !PUNCT.has(c.name));
      return inner ? evalExpr(inner, ctx) : UNKNOWN;
    }
    case 'TupleExpression': case 'ArrayExpression': {
      const items = commaGroups(kids(n)).map((g) => (g[0]!.name === '*' ? UNKNOWN : evalExpr(g[0]!, ctx)));
      return n.name === 'ArrayExpression' ? { k: 'tuple', items, seq: 'list' } : { k: 'tuple', items };
    }
    case 'UnaryExpression': {
      const cs = kids(n);
      const v = cs[1] ? evalExpr(cs[1], ctx) : UNKNOWN;
      const op = cs[0] ? src(ctx, cs[0]) : '';
      const items = negated(v, op, scalarOp(ctx));
      if (items) return items;
      const e = intOf(v);
      if (op === '-' && e) { const r = linScale(e, -1); return r ? { k: 'int', e: r } : UNKNOWN; }
      if (op === '+' && e) return v;
      if (op === 'not') { const t = truth(v); return t === undefined ? UNKNOWN : { k: 'bool', v: !t }; }
      if (v.k === 'float') return op === '-' ? { k: 'float', v: v.v === undefined ? undefined : -v.v } : op === '+' ? v : UNKNOWN;
      return UNKNOWN;
    }
    case 'BinaryExpression': {
      const cs = kids(n);
      const opNode = cs.find((c) => c.name === 'ArithOp' || c.name === 'BitOp' || c.name === 'CompareOp');
      const left = cs[0] ? evalExpr(cs[0], ctx) : UNKNOWN;
      const right = cs.length > 2 ? evalExpr(cs[cs.length - 1]!, ctx) : UNKNOWN;
      if (opNode?.name === 'CompareOp') {
        // `0 <= a < n` parses as a nested comparison but means `0 <= a and a < n`.
        const inner = cs[0]?.name === 'BinaryExpression' ? cs[0] : undefined;
        const innerOp = inner?.getChild('CompareOp');
        if (!inner || !innerOp) return compare(src(ctx, opNode), left, right, ctx);
        const middle = inner.lastChild && inner.lastChild !== innerOp ? evalExpr(inner.lastChild, ctx) : UNKNOWN;
        const first = truth(left);
        const second = truth(compare(src(ctx, opNode), middle, right, ctx));
        return first === false || second === false ? { k: 'bool', v: false } : first && second ? { k: 'bool', v: true } : UNKNOWN;
      }
      const kw = cs[1]?.name;
      if (kw === 'and' || kw === 'or') {
        const a = truth(left);
        if (kw === 'and') return a === false ? left : a === true ? right : UNKNOWN;
        return a === true ? left : a === false ? right : UNKNOWN;
      }
      if (kw === 'is') {
        const negated = cs.some((c) => c.name === 'not');
        const isNone = (v: Val) => (v.k === 'none' ? true : v.k === 'int' || v.k === 'array' || v.k === 'tuple' || v.k === 'str' || v.k === 'bool' ? false : undefined);
        const r = right.k === 'none' ? isNone(left) : left.k === 'none' ? isNone(right) : undefined;
        return r === undefined ? UNKNOWN : { k: 'bool', v: negated ? !r : r };
      }
      if (!opNode || opNode.name !== 'ArithOp') return UNKNOWN;
      return binary(src(ctx, opNode), left, right, ctx);
    }
    case 'MemberExpression': return evalMember(n, ctx);
    case 'CallExpression': return evalCall(n, ctx);
    case 'ConditionalExpression': {
      // `a if c else b`: the branch the condition picks, or a value both agree on.
      const cs = kids(n).filter((c) => c.name !== 'if' && c.name !== 'else');
      if (cs.length !== 3) return UNKNOWN;
      const c = truth(evalExpr(cs[1]!, ctx));
      const a = evalExpr(cs[0]!, ctx);
      const b = evalExpr(cs[2]!, ctx);
      return c === true ? a : c === false ? b : sameVal(a, b) ? a : UNKNOWN;
    }
    case 'ArrayComprehensionExpression': case 'ComprehensionExpression':
      return comprehension(kids(n).filter((c) => !PUNCT.has(c.name)), ctx, n.name === 'ArrayComprehensionExpression' ? 'list' : 'generator');
    default:
      // Lambdas, dictionaries, set comprehensions, error nodes…: still look inside for calls.
      for (const c of kids(n)) if (!PUNCT.has(c.name)) evalExpr(c, ctx);
      return UNKNOWN;
  }
}

/** A number literal: integers exactly at any size (up to the domain's bound), else a float. */
function numberVal(t: string): Val {
  const s = t.replace(/_/g, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(s) || /^0[oO][0-7]+$/.test(s) || /^0[bB][01]+$/.test(s) || /^(0+|[1-9]\d*)$/.test(s)) {
    if (s.length > MAX_BITS) return UNKNOWN; // more digits than bits: past the bound, never parsed
    const e = linBig(BigInt(s));
    return e ? { k: 'int', e } : UNKNOWN;
  }
  // An imaginary literal (`2j`) is complex: not a float (an array of it is 16 bytes a value).
  if (/[jJ]$/.test(s)) return UNKNOWN;
  // Decimal literals (`9.0`, `1e3`, `.5`).
  const v = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : undefined;
  return v !== undefined && Number.isFinite(v) ? { k: 'float', v } : { k: 'float' };
}

function stringValue(t: string): string {
  const m = /^[rRbBuUfF]*('''|"""|'|")([\s\S]*)\1$/.exec(t);
  return m ? m[2]! : t;
}

/**
 * `l op r` item by item when either side is an array whose items the code fixes (a literal
 * tuple on the other side is an array too, as NumPy converts it).
 */
function vectorOp(op: string, l: Val, r: Val, ctx: Ctx): Val | undefined {
  if (!valuesOf(l) && !valuesOf(r)) return undefined;
  const asArray = (v: Val): Val => (v.k === 'tuple' ? fromTuple(v, 'tuple') ?? v : v);
  return elementwise(op, asArray(l), asArray(r), scalarOp(ctx), l.k === 'array' ? l.a.label : r.k === 'array' ? r.a.label : 'array');
}

/** Two numbers combined or compared as the interpreter does (the items of arrays with values). */
function scalarOp(ctx: Ctx): (op: string, x: Val, y: Val) => Val {
  return (o, x, y) => (COMPARE.has(o) ? compare(o, x, y, ctx) : binary(o, x, y, ctx));
}

/** `a < b` and the other comparisons of two integers the analysis knows exactly. */
function compare(op: string, l: Val, r: Val, ctx: Ctx): Val {
  const items = vectorOp(op, l, r, ctx);
  if (items) return items;
  if (l.k === 'str' && r.k === 'str' && (op === '==' || op === '!=')) return { k: 'bool', v: (l.v === r.v) === (op === '==') };
  const a = l.k === 'int' || l.k === 'bool' ? constBig(intOf(l)!) : undefined;
  const b = r.k === 'int' || r.k === 'bool' ? constBig(intOf(r)!) : undefined;
  if (a === undefined || b === undefined) return UNKNOWN;
  const v = op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : op === '==' ? a === b : op === '!=' ? a !== b : undefined;
  return v === undefined ? UNKNOWN : { k: 'bool', v };
}

function binary(op: string, l: Val, r: Val, ctx: Ctx): Val {
  const items = vectorOp(op, l, r, ctx);
  if (items) return items;
  // Elementwise arithmetic of an array with a scalar gives a new array of the same shape.
  // The dtype stays (NumPy's casting keeps an array's dtype against a Python scalar),
  // except that true division of integers gives float64.
  const arr = l.k === 'array' ? l.a : r.k === 'array' ? r.a : undefined;
  const scalar = l.k === 'array' ? r : l;
  if (arr && arr.shape && arr.dtype && (scalar.k === 'int' || scalar.k === 'float' || scalar.k === 'bool')) {
    const intLike = /^(u?int|bool)/.test(arr.dtype.name);
    const dtype = (op === '/' && intLike) || (scalar.k === 'float' && intLike) ? (arr.lib === 'torch' ? FLOAT32 : FLOAT64) : arr.dtype;
    return { k: 'array', a: newArray(arr.lib, arr.label, arr.shape, dtype) };
  }
  // Tuples: concatenation and repetition, never past NumPy's 64 dimensions (a tuple doubled
  // in a loop would otherwise grow without bound): a longer one is unknown.
  if (op === '+' && isSeq(l) && isSeq(r)) {
    // `x.shape[:-1] + (n, w)`: the unknown prefix, then known items.
    if (l.k === 'symtuple' && (l.times ?? 1) === 1 && r.k === 'tuple' && !r.seq) {
      const tail = [...(l.tail ?? []), ...r.items];
      return tail.length <= MAX_TUPLE ? { k: 'symtuple', base: l.base, drop: l.drop, tail } : UNKNOWN;
    }
    const a = seqItems(l);
    const b = seqItems(r);
    // A list and a tuple (or a generator) do not add: TypeError.
    const seq = l.k === 'tuple' ? l.seq : undefined;
    if (seq !== (r.k === 'tuple' ? r.seq : undefined) || seq === 'generator') return UNKNOWN;
    return a && b && a.length + b.length <= MAX_TUPLE ? { k: 'tuple', items: [...a, ...b], seq } : UNKNOWN;
  }
  if (op === '*' && (isSeq(l) || isSeq(r))) {
    const seq = isSeq(l) ? l : r;
    const times = intOf(isSeq(l) ? r : l);
    if (seq.k === 'symtuple') {
      if (seq.drop || seq.tail) return UNKNOWN;
      const t = times && constOf(times);
      return t !== undefined && t > 0 && (seq.times ?? 1) * t <= MAX_TUPLE ? { k: 'symtuple', base: seq.base, times: (seq.times ?? 1) * t } : UNKNOWN;
    }
    const items = seqItems(seq);
    const t = times && constOf(times);
    if (!items || t === undefined || t < 0 || t * items.length > MAX_TUPLE) return UNKNOWN;
    const out: Val[] = [];
    for (let i = 0; i < t; i++) out.push(...items);
    return seq.k === 'tuple' && seq.seq !== 'generator' ? { k: 'tuple', items: out, seq: seq.seq } : UNKNOWN;
  }
  const a = intOf(l);
  const b = intOf(r);
  if (l.k === 'float' || r.k === 'float') return floatArith(op, l, r);
  if (!a || !b) return UNKNOWN;
  let e: Lin | undefined;
  switch (op) {
    case '+': e = linAdd(a, b); break;
    case '-': e = linSub(a, b); break;
    case '*': e = linMul(a, b); break;
    case '//': e = linFloorDiv(a, b); break;
    case '%': e = linMod(a, b); break;
    case '**': e = linPow(a, b); break;
    case '/': {
      // True division of two integers the code fixes, in doubles as Python does.
      const x = constOf(a); const y = constOf(b);
      if (x !== undefined && y !== undefined) return y !== 0 ? { k: 'float', v: x / y } : UNKNOWN;
      return { k: 'float', ratio: { num: a, den: b } };
    }
    default: e = undefined;
  }
  return e ? { k: 'int', e } : UNKNOWN;
}

/**
 * `+ - * /` with a float operand, in doubles as Python computes them, while both values are
 * known (an int as a safe integer); other operators and other operands give a float the
 * analysis does not know.
 */
function floatArith(op: string, l: Val, r: Val): Val {
  const num = (v: Val) => (v.k === 'float' ? v.v : v.k === 'int' || v.k === 'bool' ? constOf(intOf(v)!) : undefined);
  const scalar = (v: Val) => v.k === 'float' || v.k === 'int' || v.k === 'bool' || v.k === 'sym';
  if (!scalar(l) || !scalar(r)) return UNKNOWN;
  const x = num(l); const y = num(r);
  // `len(x) / hop - 1`: still a ratio of integers.
  const ratio = l.k === 'float' ? l.ratio : r.k === 'float' ? r.ratio : undefined;
  const other = ratio && intOf(l.k === 'float' ? r : l);
  if (ratio && !ratio.round && other && (op === '+' || (op === '-' && l.k === 'float'))) {
    const scaled = linMul(other, ratio.den);
    const n = scaled && (op === '+' ? linAdd(ratio.num, scaled) : linSub(ratio.num, scaled));
    return n ? { k: 'float', ratio: { num: n, den: ratio.den } } : { k: 'float' };
  }
  if (x === undefined || y === undefined) return { k: 'float' };
  const v = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' && y !== 0 ? x / y : undefined;
  return v !== undefined && Number.isFinite(v) ? { k: 'float', v } : { k: 'float' };
}

function isSeq(v: Val): boolean {
  return v.k === 'tuple' || v.k === 'symtuple';
}

/**
 * `x.shape[:-k]` (or `[:]`) of an array whose dimension count is unknown: the prefix without
 * its last k items. Other slices (`[-k:]` has fewer items when x has fewer dimensions) are unknown.
 */
function sliceSymtuple(v: Extract<Val, { k: 'symtuple' }>, sl: { start?: Lin; stop?: Lin; step?: Lin }): Val {
  if ((v.times ?? 1) !== 1 || v.tail || (sl.step && constOf(sl.step) !== 1) || (sl.start && constOf(sl.start) !== 0)) return UNKNOWN;
  if (!sl.stop) return v;
  const stop = constOf(sl.stop);
  return stop !== undefined && stop < 0 && -stop <= MAX_TUPLE ? { k: 'symtuple', base: v.base, drop: (v.drop ?? 0) - stop } : UNKNOWN;
}

function evalMember(n: SyntaxNode, ctx: Ctx): Val {
  const cs = kids(n);
  const obj = cs[0];
  if (!obj) return UNKNOWN;
  const base = evalExpr(obj, ctx);
  const dot = cs[1]?.name === '.';
  if (dot) {
    const prop = cs[2] ? src(ctx, cs[2]) : '';
    return attribute(base, prop, ctx);
  }
  // Subscript.
  const groups = commaGroupsKeepColons(cs.slice(1));
  if (base.k === 'tuple' || base.k === 'symtuple') {
    // A generator cannot be indexed (TypeError).
    if (groups.length !== 1 || (base.k === 'tuple' && base.seq === 'generator')) return UNKNOWN;
    const g = groups[0]!;
    if (g.some((c) => c.name === ':')) {
      const sl = sliceOf(g, ctx);
      if (base.k === 'symtuple' && sl) return sliceSymtuple(base, sl);
      if (base.k !== 'tuple' || !sl) return UNKNOWN;
      const nItems = base.items.length;
      const step = sl.step ? constOf(sl.step) : 1;
      if (step === undefined || step === 0) return UNKNOWN;
      const norm = (x: Lin | undefined, dflt: number) => {
        if (!x) return dflt;
        const c = constOf(x);
        if (c === undefined) return undefined;
        return c < 0 ? Math.max(c + nItems, step < 0 ? -1 : 0) : Math.min(c, step < 0 ? nItems - 1 : nItems);
      };
      const start = norm(sl.start, step > 0 ? 0 : nItems - 1);
      const stop = norm(sl.stop, step > 0 ? nItems : -1);
      if (start === undefined || stop === undefined) return UNKNOWN;
      const out: Val[] = [];
      for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(base.items[i]!);
      return base.seq ? { k: 'tuple', items: out, seq: base.seq } : { k: 'tuple', items: out };
    }
    const iv = intOf(evalExpr(g[0]!, ctx));
    const i = iv && constOf(iv);
    if (i === undefined) return UNKNOWN;
    // An item of a repeated tuple of unknown length (`x.strides * 2`) depends on that length.
    if (base.k === 'symtuple') {
      if ((base.times ?? 1) !== 1) return UNKNOWN;
      const tail = base.tail ?? [];
      const drop = base.drop ?? 0;
      if (drop === 0 && tail.length === 0) return indexSymtuple(base.base, i);
      // From the end: the tail's items, then the base's before the dropped ones.
      if (i >= 0) return UNKNOWN;
      return -i <= tail.length ? tail[tail.length + i]! : indexSymtuple(base.base, i + tail.length - drop);
    }
    const idx = i < 0 ? i + base.items.length : i;
    return base.items[idx] ?? UNKNOWN;
  }
  const arr = arrayOf(base);
  if (!arr) {
    for (const g of groups) for (const c of g) if (c.name !== ':') evalExpr(c, ctx);
    return UNKNOWN;
  }
  const items: IndexItem[] = [];
  for (const g of groups) {
    if (g.some((c) => c.name === ':')) {
      const sl = sliceOf(g, ctx);
      if (!sl) return UNKNOWN;
      items.push({ k: 'slice', ...sl });
      continue;
    }
    const c = g[0]!;
    if (c.name === 'None') { items.push({ k: 'newaxis' }); continue; }
    if (c.name === 'Ellipsis') { items.push({ k: 'ellipsis' }); continue; }
    const v = evalExpr(c, ctx);
    // A tuple of index items built by the code (`arr[tuple(slice(None, None, s) for s in step)]`).
    const parts = v.k === 'tuple' && groups.length === 1 ? v.items : [v];
    for (const p of parts) {
      const e = intOf(p);
      if (p.k === 'none') items.push({ k: 'newaxis' });
      else if (p.k === 'slice') items.push({ k: 'slice', start: p.start, stop: p.stop, step: p.step });
      else if (e) items.push({ k: 'int', v: e });
      else return UNKNOWN; // fancy indexing makes a copy we do not model
    }
  }
  if (items.length === 1 && items[0]!.k === 'int') {
    const i = constOf(items[0]!.v);
    const item = i === undefined ? undefined : itemAt(base, i);
    if (item) return item;
  }
  const out = indexed(arr, items);
  return out ? { k: 'array', a: { ...out, label: `${arr.label}[…]` } } : UNKNOWN;
}

/** Subscript items split on commas, with `:` tokens kept. */
function commaGroupsKeepColons(nodes: SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const c of nodes) {
    if (c.name === ',') groups.push([]);
    else if (c.name !== '[' && c.name !== ']' && c.name !== 'Comment' && !c.type.isError) groups[groups.length - 1]!.push(c);
  }
  return groups.filter((g) => g.length > 0);
}

function sliceOf(g: SyntaxNode[], ctx: Ctx): { start?: Lin; stop?: Lin; step?: Lin } | undefined {
  const parts: (SyntaxNode | undefined)[] = [undefined];
  for (const c of g) {
    if (c.name === ':') parts.push(undefined);
    else parts[parts.length - 1] = c;
  }
  const get = (i: number): Lin | undefined | null => {
    const node = parts[i];
    if (!node) return undefined;
    const v = evalExpr(node, ctx);
    if (v.k === 'none') return undefined;
    return intOf(v) ?? null;
  };
  const start = get(0);
  const stop = get(1);
  const step = get(2);
  if (start === null || stop === null || step === null) return undefined;
  return { start, stop, step };
}

function attribute(base: Val, prop: string, ctx: Ctx): Val {
  if (base.k === 'obj') {
    const cls = base.cls as ClassDef;
    const method = cls.methods.get(prop);
    return base.attrs.get(prop) ?? (method && !cls.volatile.has(prop) ? { k: 'func', name: `${cls.name}.${prop}`, def: method, self: base } : UNKNOWN);
  }
  if (base.k === 'ref') {
    const path = canonical(`${base.path}.${prop}`);
    const d = dtypeRef(path);
    return d ?? { k: 'ref', path };
  }
  const a = arrayOf(base);
  if (!a) return UNKNOWN;
  switch (prop) {
    case 'shape':
      return a.shape ? { k: 'tuple', items: a.shape.map((e) => ({ k: 'int', e })) } : { k: 'symtuple', base: `${a.label}.shape` };
    case 'strides':
      if (a.lib === 'torch') return UNKNOWN;
      return a.strides ? { k: 'tuple', items: a.strides.map((e) => ({ k: 'int', e })) } : { k: 'symtuple', base: `${a.label}.strides` };
    case 'itemsize': return a.lib === 'numpy' ? { k: 'int', e: a.itemsize } : UNKNOWN;
    case 'ndim': return a.shape ? { k: 'int', e: lin(a.shape.length) } : UNKNOWN;
    case 'size': { const s = a.shape && sizeLin(a.shape); return s ? { k: 'int', e: s } : UNKNOWN; }
    case 'nbytes': { const s = a.shape && sizeLin(a.shape); const b = s && linMul(s, a.itemsize); return b ? { k: 'int', e: b } : UNKNOWN; }
    case 'dtype': return a.dtype ? { k: 'dtype', d: a.dtype, lib: a.lib } : UNKNOWN;
    case 'T': case 'mT': {
      const t = transposed(a);
      return t ? { k: 'array', a: { ...t, label: `${a.label}.T` } } : UNKNOWN;
    }
    case 'data': return UNKNOWN;
    default:
      // An attribute of an unknown value (`self.signal` in a method, with `self` a
      // parameter) is itself unknown, by its name: an unknown array where one is used.
      if (base.k !== 'sym') return { k: 'ref', path: `<method>.${prop}` };
      return { k: 'sym', name: `${base.name}.${prop}${'′'.repeat(ctx.attrEpoch?.n ?? 0)}`, ...(base.lib ? { lib: base.lib } : {}) };
  }
}

function dtypeRef(path: string): Val | undefined {
  const m = /^(numpy|torch)\.([A-Za-z0-9_]+)$/.exec(path);
  if (!m) return undefined;
  const lib = m[1] as Lib;
  const d = dtypeByName(m[2]!, lib);
  if (!d || (lib === 'numpy' && ['float', 'int', 'complex', 'bool'].includes(m[2]!))) return undefined;
  return { k: 'dtype', d, lib };
}

// ---------------------------------------------------------------- calls

function evalArgs(argList: SyntaxNode | null, ctx: Ctx): Args {
  const args: Args = { pos: [], posNodes: [], kw: new Map(), kwNodes: new Map(), starred: false };
  if (!argList) return args;
  for (const g of commaGroups(kids(argList))) {
    if (g.length >= 3 && g[0]!.name === 'VariableName' && g[1]!.name === 'AssignOp') {
      const name = src(ctx, g[0]!);
      args.kw.set(name, evalExpr(g[2]!, ctx));
      args.kwNodes.set(name, g[2]!);
    } else if (g[0]!.name === '*' || g[0]!.name === '**') {
      if (g[1]) {
        const v = evalExpr(g[1], ctx);
        if (g[0]!.name === '*' && v.k === 'tuple') {
          for (const it of v.items) { args.pos.push(it); args.posNodes.push(g[1]); }
          continue;
        }
      }
      (args as { starred: boolean }).starred = true;
    } else if (g.some((c) => c.name === 'for')) {
      // A generator as the only argument: `tuple(slice(None, None, s) for s in step)`.
      args.pos.push(comprehension(g, ctx, 'generator'));
      args.posNodes.push(g[0]!);
    } else {
      args.pos.push(evalExpr(g[0]!, ctx));
      args.posNodes.push(g[0]!);
    }
  }
  return args;
}

/**
 * `[elt for x in items if cond]` (or a generator) over a sequence the code fixes (a tuple,
 * an array with values, `range` of constants), with one `for` and a plain name: the items as
 * a tuple. The element is first evaluated once with `x` unknown, as a loop body is, so the
 * stride calls inside are recorded once and hold for every item; the items are then worked
 * out in a scope of their own with nothing recorded.
 */
function comprehension(parts: SyntaxNode[], ctx: Ctx, seq: 'list' | 'generator'): Val {
  const [elt, forKw, target, inKw, iter, ...rest] = parts;
  if (!elt || forKw?.name !== 'for' || !iter || inKw?.name !== 'in') {
    for (const c of parts) if (c.name !== 'for' && c.name !== 'in' && c.name !== 'if') evalExpr(c, ctx);
    return UNKNOWN;
  }
  const items = iterItems(iter, ctx);
  const conds = rest.filter((c) => c.name !== 'if');
  const simple = target?.name === 'VariableName' && rest.every((c, i) => (i % 2 === 0 ? c.name === 'if' : c.name !== 'for'));
  const once: Ctx = { ...ctx, env: newEnv(ctx.env) };
  if (target?.name === 'VariableName') setVar(once, src(ctx, target), UNKNOWN);
  for (const c of [...conds, elt]) evalExpr(c, once);
  if (!items || !simple) return UNKNOWN;
  const out: Val[] = [];
  for (const item of items) {
    const each: Ctx = { ...ctx, env: newEnv(ctx.env), calls: [], names: undefined, flow: undefined };
    setVar(each, src(ctx, target!), item);
    const keep = conds.map((c) => truth(evalExpr(c, each)));
    if (keep.includes(undefined)) return UNKNOWN;
    if (keep.includes(false)) continue;
    out.push(evalExpr(elt, each));
  }
  return out.length <= MAX_TUPLE ? { k: 'tuple', items: out, seq } : UNKNOWN;
}

/** The items a `for` clause runs over, when the code fixes them (at most NumPy's 64 dimensions' worth). */
function iterItems(iter: SyntaxNode, ctx: Ctx): readonly Val[] | undefined {
  const callee = iter.name === 'CallExpression' ? iter.firstChild : null;
  if (callee?.name === 'VariableName' && src(ctx, callee) === 'range' && lookup('range', ctx).k === 'sym') {
    const a = evalArgs(iter.getChild('ArgList'), ctx);
    const ns = a.pos.map(constOfInt);
    if (a.kw.size > 0 || ns.length < 1 || ns.length > 3 || ns.some((x) => x === undefined)) return undefined;
    const [start, stop, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? 1];
    if (step === 0) return undefined;
    const out: Val[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
      if (out.length >= MAX_TUPLE) return undefined;
      out.push({ k: 'int', e: lin(i) });
    }
    return out;
  }
  const v = evalExpr(iter, ctx);
  const items = v.k === 'tuple' ? v.items : valuesOf(v);
  return items && items.length <= MAX_TUPLE ? items : undefined;
}

function evalCall(n: SyntaxNode, ctx: Ctx): Val {
  const callee = n.firstChild;
  const argList = n.getChild('ArgList');
  if (!callee) return UNKNOWN;
  // Method calls on arrays: evaluate the receiver once.
  if (callee.name === 'MemberExpression' && callee.getChild('.')) {
    const cs = kids(callee);
    const recvNode = cs[0]!;
    const method = cs[2] ? src(ctx, cs[2]) : '';
    const recv = evalExpr(recvNode, ctx);
    if (recv.k === 'array' || recv.k === 'sym') {
      const args = evalArgs(argList, ctx);
      return callMethod(recv, method, args, n, callee, recvNode, ctx);
    }
    const fn = attribute(recv, method, ctx);
    const args = evalArgs(argList, ctx);
    return callFunction(fn, args, n, callee, ctx);
  }
  const fn = evalExpr(callee, ctx);
  const args = evalArgs(argList, ctx);
  return callFunction(fn, args, n, callee, ctx);
}

const NP = 'numpy.';

/**
 * Whether a builtin or library function is one the library model does not describe (any
 * builtin but those known to keep their arguments, any path outside NumPy, math and torch):
 * it may do anything to what it is given.
 */
function unmodelled(fn: Val): boolean {
  return fn.k === 'sym' ? !KEEP_ARGUMENTS.has(fn.name) : fn.k === 'ref' ? !/^(numpy|math|torch)\./.test(fn.path) : false;
}

/** Whether a call may write into an array with values it is given (a function the analysis does not model). */
function mayWriteArgs(fn: Val, a: Args): boolean {
  if (![...a.pos, ...a.kw.values()].some(isMutable)) return false;
  if (fn.k === 'func') return false; // its body runs: writes there forget values
  if ((fn.k !== 'sym' && fn.k !== 'ref') || unmodelled(fn)) return true;
  return fn.k === 'ref' && (a.kw.has('out') || (fn.path.startsWith(NP) && WRITES_ARGUMENT.test(fn.path.slice(NP.length))));
}

function callFunction(fn: Val, a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: Ctx): Val {
  if (mayWriteArgs(fn, a)) forgetValues(ctx);
  // Code the interpreter does not model (or a body run here) may rebind attributes.
  if (fn.k === 'func' || fn.k === 'unknown' || unmodelled(fn)) attributesMayChange(ctx);
  if (fn.k === 'func') {
    const def = fn.def as FuncDef | ClassDef;
    if (def.kind === 'class') return instantiate(def, a, call, callee, ctx);
    const r = callUser(def, fn.self ? { ...a, pos: [fn.self, ...a.pos], posNodes: [callee, ...a.posNodes] } : a, call, callee, ctx);
    return r === UNKNOWN_CALL ? UNKNOWN : r;
  }
  // Builtins the code uses for sizes.
  if (fn.k === 'sym') return libCall(BUILTINS, fn.name, a, call, ctx);
  if (fn.k !== 'ref') {
    // `xp.lib.stride_tricks.as_strided(…)` with `xp` an array namespace the analysis cannot
    // follow (`array_api_compat.array_namespace(x)`): NumPy's (or CuPy's, the same rules).
    const m = /(?:^|\.)lib\s*\.\s*stride_tricks\s*\.\s*(as_strided|sliding_window_view)$/.exec(src(ctx, callee));
    return m ? callFunction({ k: 'ref', path: `numpy.lib.stride_tricks.${m[1]}` }, a, call, callee, ctx) : UNKNOWN;
  }
  const p = fn.path;
  if (p === 'numpy.lib.stride_tricks.as_strided') return recordAsStrided(a, call, callee, ctx);
  if (p === 'numpy.lib.stride_tricks.sliding_window_view') return recordSwv(a, call, callee, ctx);
  if (p === 'numpy.broadcast_to' || p === 'numpy.lib.stride_tricks.broadcast_to') return recordBroadcast(a, call, callee, ctx);
  if (p === 'torch.nn.functional.unfold') return recordIm2col(a, call, callee, ctx);
  if (p === 'numpy.ndarray' && (arg(a, 2, 'buffer')?.k ?? 'none') !== 'none') return recordNdarray(a, call, callee, ctx);
  if (p === 'torch.as_strided' || p === 'torch.Tensor.as_strided') return recordTorch(a, call, callee, ctx, 'torch.as_strided', arrayOf(a.pos[0] ?? UNKNOWN, 'torch'), 1, a.posNodes[0]);
  if (p.startsWith('math.')) return libCall(MATH, p.slice('math.'.length), a, call, ctx);
  if (p.startsWith(NP)) return libCall(NUMPY, p.slice(NP.length), a, call, ctx);
  if (p.startsWith('torch.')) return libCall(TORCH, p.slice('torch.'.length), a, call, ctx);
  return UNKNOWN;
}

/** Call the library model's entry for `name` in `table`: unknown when it has none. */
function libCall(table: Readonly<Record<string, LibFunction>>, name: string, a: Args, call: SyntaxNode, ctx: Ctx): Val {
  const f = entryOf(table, name);
  return f ? f(a, { label: label(ctx, call), readNpyHeader: ctx.options.readNpyHeader, arith: scalarOp(ctx) }) : UNKNOWN;
}

function label(ctx: Ctx, n: SyntaxNode): string {
  const t = src(ctx, n);
  return t.length <= 24 ? t : `${t.slice(0, 21)}…`;
}

function callMethod(recv: Val, method: string, a: Args, call: SyntaxNode, callee: SyntaxNode, recvNode: SyntaxNode, ctx: Ctx): Val {
  const lib: Lib | undefined = recv.k === 'array' ? recv.a.lib : recv.k === 'sym' ? recv.lib : undefined;
  if (method === 'as_strided') {
    return recordTorch(a, call, callee, ctx, 'Tensor.as_strided', arrayOf(recv, 'torch'), 0, recvNode);
  }
  // `t.unfold(dimension, size, step)`: torch's windows (NumPy arrays have no such method).
  if (method === 'unfold' && (lib === 'torch' || (recv.k === 'sym' && !recv.lib))) return recordUnfold(recv, a, call, callee, recvNode, ctx);
  // A method that may write into an array with values (its receiver or an argument), or
  // rebind attributes (`self.reload()`).
  const readsOnly = recv.k === 'array' && READS_ONLY.has(method) && !a.kw.has('out');
  if (recv.k === 'sym' && !READS_ONLY.has(method)) attributesMayChange(ctx);
  if (!readsOnly && [recv, ...a.pos, ...a.kw.values()].some(isMutable)) forgetValues(ctx);
  const onItems = valuesOf(recv) && entryOf(ON_ITEMS, method);
  const items = onItems && onItems(recv, a, scalarOp(ctx));
  if (items) return items;
  const x = arrayOf(recv, lib);
  if (!x) return UNKNOWN;
  const f = entryOf(METHODS, method);
  return f ? f(x, a) : UNKNOWN;
}
