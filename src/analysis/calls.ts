/**
 * The stride calls: what the interpreter records about each (`CallFacts`: the source, the
 * view's shape, strides and offset, the spans a fix may edit, why NumPy or torch would raise)
 * and how each library call that makes a view becomes one — `as_strided`,
 * `sliding_window_view`, `broadcast_to`, `np.ndarray(buffer=…)`, `torch.as_strided`,
 * `Tensor.unfold` and `F.unfold`. The findings are made from these facts (`findings.ts`).
 */
import type { SyntaxNode } from '@lezer/common';
import { assignedNames, commaGroups, kids, PUNCT, shiftSpan, span, src, type Located, type Span } from './syntax';
import { refName, type Scoped } from './scope';
import { broadcastTo, cContiguity, cStridesLin, fContiguity, newArray, sizeLin } from './arrays';
import { constOf, lin, linAdd, linAtoms, linFloorDiv, linMul, linSub, linVar, type Lin } from './linear';
import {
  arrayOf, constOfInt, FLOAT32, FLOAT64, indexSymtuple, intOf, MAX_TUPLE, UNKNOWN, type ArrayFact, type Lib, type Val,
} from './values';
import { arg, dtypeOf, orderOf, shapeOf, type Args as LibArgs } from './library/common';
import { im2col } from './library/torch';

export type { Span };

/** The library functions whose calls are recorded. */
export type StrideFn = 'as_strided' | 'sliding_window_view' | 'broadcast_to' | 'ndarray' | 'torch.as_strided' | 'Tensor.as_strided' | 'Tensor.unfold' | 'F.unfold';

/** What the interpreter learned about one stride call. */
export interface CallFacts {
  readonly fn: StrideFn;
  readonly unit: number;
  readonly span: Span;
  readonly calleeSpan: Span;
  readonly argsSpan: Span;
  readonly calleeText: string;
  readonly source: ArrayFact | undefined;
  readonly sourceText: string | undefined;
  /** The view's shape and strides as written (or kept from the source when omitted). */
  readonly shape: readonly Lin[] | undefined;
  readonly strides: readonly Lin[] | undefined;
  readonly shapeArg: ArgInfo | undefined;
  readonly stridesArg: ArgInfo | undefined;
  /** Offset of the view from its buffer's start (bytes for NumPy, elements for PyTorch). */
  readonly offset: Lin | undefined;
  readonly writeable: boolean;
  readonly writeableArg: boolean;
  /** Span of the `writeable` argument's value, when given. */
  readonly writeableSpan?: Span;
  readonly window: { readonly shape: readonly Lin[]; readonly axis: readonly number[] | undefined } | undefined;
  /** Why the call raises or cannot be resolved, in words. */
  readonly problem: string | undefined;
  /** Python text that names `sliding_window_view` here, and an import to add if needed. */
  readonly swvName: { readonly text: string; readonly importLine: string | undefined };
  /**
   * Set when the view was resolved at a call of a function the code defines (`frames =
   * frame(sig, 400, 160)`): the function's name (`outer → inner` through nested calls). The
   * spans are then the call site's, and there are no argument spans to edit.
   */
  readonly via?: string;
  /**
   * Set when the view's leading dimensions are its source's, unchanged, whatever their number
   * (`as_strided(a, a.shape[:-1] + (n, w), a.strides + (a.strides[-1],))` on an array of
   * unknown dimension count): how many of the source's last axes the rest replaces. `shape`
   * and `strides` then hold only the rest, and `source` only those last axes (atoms
   * `a.shape[-1]`, `a.strides[-1]`).
   */
  readonly prefix?: number;
  /**
   * For `as_strided` with a new shape and `strides` omitted, where the strides came from: C
   * order for the new shape (the source is C-contiguous), the source's own (it is not), or
   * unknown (whether it is is not known).
   */
  readonly stridesOmitted?: StridesOmitted;
  /**
   * For `F.unfold` (im2col, a copy: `shape` and `strides` are the new tensor's): the blocks
   * along H and W and the kernel's size, when known.
   */
  readonly im2col?: { readonly blocks: readonly [Lin, Lin]; readonly kernel: readonly [Lin, Lin] };
}

/** Where `as_strided`'s strides came from when the call omits them (`omittedStrides`). */
export type StridesOmitted = 'C order' | 'source' | 'unknown';

/** A shape/strides argument: its span and, for a literal tuple, each item's span and whether it is a number literal. */
export interface ArgInfo {
  readonly span: Span;
  readonly items: readonly ArgItem[] | undefined;
}

/** One item of a literal shape/strides tuple. */
export interface ArgItem {
  readonly span: Span;
  readonly literal: boolean;
  /** The item as written (`len(x) - w + 2`, `n_frames`). */
  readonly text: string;
  /**
   * For a name, the value of the plain assignment that set it earlier in the same block
   * (`n_frames = len(x) - frame_length + 2`), when nothing in between may rebind it.
   */
  readonly bound?: { readonly span: Span; readonly text: string };
}

/** What recording a call needs of the interpreter's context: the text, the scope, where calls go. */
export interface CallCtx extends Located, Scoped {
  readonly unit: number;
  readonly calls: CallFacts[];
  /** Within a function body: whether the code from here on may not run (`Flow` in `interp.ts`). */
  readonly flow?: { readonly maybe: boolean; readonly shaky: Set<CallFacts> };
}

/** Record a stride call's facts (marked shaky when it may not be reached). */
export function record(ctx: CallCtx, f: CallFacts): void {
  ctx.calls.push(f);
  if (ctx.flow?.maybe) ctx.flow.shaky.add(f);
}

function shiftArg(a: ArgInfo | undefined, d: number): ArgInfo | undefined {
  return a && {
    span: shiftSpan(a.span, d),
    items: a.items?.map((i) => ({ ...i, span: shiftSpan(i.span, d), ...(i.bound ? { bound: { ...i.bound, span: shiftSpan(i.bound.span, d) } } : {}) })),
  };
}

/** The same call facts for a statement that moved by `d` characters. */
export function shiftFacts(c: CallFacts, d: number, unit: number): CallFacts {
  return {
    ...c, unit, span: shiftSpan(c.span, d), calleeSpan: shiftSpan(c.calleeSpan, d), argsSpan: shiftSpan(c.argsSpan, d),
    shapeArg: shiftArg(c.shapeArg, d), stridesArg: shiftArg(c.stridesArg, d),
    writeableSpan: c.writeableSpan && shiftSpan(c.writeableSpan, d),
  };
}

/** The library model's `Args`, with the syntax nodes the stride calls point at. */
export interface Args extends LibArgs {
  readonly pos: Val[];
  readonly posNodes: SyntaxNode[];
  readonly kw: Map<string, Val>;
  readonly kwNodes: Map<string, SyntaxNode>;
  readonly starred: boolean;
}

/** The syntax node of argument `name` at position `i`. */
export function argNode(a: Args, i: number, name: string): SyntaxNode | undefined {
  return a.kwNodes.get(name) ?? a.posNodes[i];
}

function argSpan(ctx: CallCtx, n: SyntaxNode | undefined): Span | undefined {
  return n ? span(ctx, n) : undefined;
}

function argInfo(node: SyntaxNode | undefined, ctx: CallCtx): ArgInfo | undefined {
  if (!node) return undefined;
  let items: ArgInfo['items'];
  if (node.name === 'TupleExpression' || node.name === 'ArrayExpression') {
    items = commaGroups(kids(node)).map((g) => {
      const sp = span(ctx, { from: g[0]!.from, to: g[g.length - 1]!.to });
      const bound = g.length === 1 && g[0]!.name === 'VariableName' ? boundBy(g[0]!, ctx) : undefined;
      return { span: sp, literal: g.length === 1 && g[0]!.name === 'Number', text: ctx.text.slice(sp.from, sp.to), ...(bound ? { bound } : {}) };
    });
  }
  return { span: span(ctx, node), items };
}

/**
 * The plain assignment `name = value` that set the name `ref` reads, found by walking back
 * through the statements before it in the same block; undefined when any statement in
 * between may rebind the name (a branch, a loop, an augmented assignment) or none sets it.
 */
function boundBy(ref: SyntaxNode, ctx: CallCtx): { span: Span; text: string } | undefined {
  const name = src(ctx, ref);
  let stmt: SyntaxNode | null = ref;
  while (stmt && stmt.parent && stmt.parent.name !== 'Body' && stmt.parent.name !== 'Script') stmt = stmt.parent;
  // Only inside a function body: there the assignment is part of the same top-level statement
  // as the call (re-used and moved with it after an edit); at module level it is not.
  if (!stmt?.parent || stmt.parent.name !== 'Body') return undefined;
  for (let s = stmt?.prevSibling ?? null; s; s = s.prevSibling) {
    if (s.name === 'Comment' || PUNCT.has(s.name)) continue;
    if (s.name === 'AssignStatement') {
      const cs = kids(s);
      const ops = cs.filter((c) => c.name === 'AssignOp');
      const target = cs[0];
      const value = cs[cs.length - 1];
      if (ops.length === 1 && target?.name === 'VariableName' && value && value !== ops[0]) {
        if (src(ctx, target) === name) return { span: span(ctx, value), text: src(ctx, value) };
        continue;
      }
    }
    if (assignedNames(s, ctx).has(name)) return undefined;
  }
  return undefined;
}

/** Where this scope can name `sliding_window_view`, for quick fixes. */
function swvName(ctx: CallCtx, calleeText: string): { text: string; importLine: string | undefined } {
  const direct = refName(ctx, 'numpy.lib.stride_tricks.sliding_window_view');
  if (direct) return { text: direct, importLine: undefined };
  const m = /^(.*)\.as_strided$/.exec(calleeText.replace(/\s+/g, ''));
  if (m) return { text: `${m[1]}.sliding_window_view`, importLine: undefined };
  const np = refName(ctx, 'numpy');
  if (np) return { text: `${np}.lib.stride_tricks.sliding_window_view`, importLine: undefined };
  return { text: 'sliding_window_view', importLine: 'from numpy.lib.stride_tricks import sliding_window_view\n' };
}

export function recordAsStrided(a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: CallCtx): Val {
  const x0 = arg(a, 0, 'x');
  const source = x0 && arrayOf(x0, 'numpy');
  const srcNode = argNode(a, 0, 'x');
  const shapeV = arg(a, 1, 'shape');
  const stridesV = arg(a, 2, 'strides');
  const wv = arg(a, 4, 'writeable');
  let problem: string | undefined;
  const newShape = shapeV !== undefined && shapeV.k !== 'none';
  const shape = newShape ? shapeOrSym(shapeV) : source?.shape;
  const omitted = (stridesV === undefined || stridesV.k === 'none') && source ? omittedStrides(source, shape, newShape) : undefined;
  const strides = omitted ? omitted.strides : stridesV && shapeOrSym(stridesV, shape?.length);
  if (source && source.lib === 'torch') problem = 'NumPy as_strided called on a torch tensor';
  const writeable = wv ? !(wv.k === 'bool' && !wv.v) : true;
  // A view with an unknown prefix: its tail over the source's last axes, and no argument
  // text a fix could edit.
  const prefixed = !problem && source ? prefixView(source, shapeV, stridesV) : undefined;
  const facts: CallFacts = {
    fn: 'as_strided', ...callSite(ctx, call, callee, srcNode), source,
    shape, strides, shapeArg: argInfo(argNode(a, 1, 'shape'), ctx), stridesArg: argInfo(argNode(a, 2, 'strides'), ctx),
    offset: source?.offset, writeable, writeableArg: wv !== undefined, writeableSpan: argSpan(ctx, argNode(a, 4, 'writeable')), window: undefined, problem,
    swvName: swvName(ctx, src(ctx, callee)),
    ...(omitted && newShape ? { stridesOmitted: omitted.from } : {}),
    ...(prefixed ? { ...prefixed, shapeArg: undefined, stridesArg: undefined } : {}),
  };
  record(ctx, facts);
  return prefixed ? UNKNOWN : viewVal(facts, source);
}

/**
 * The strides `as_strided` gives when `strides` is omitted. NumPy hands the source's
 * `__array_interface__` on with the new shape, and its strides are `None` for a C-contiguous
 * array (one with no elements, a 0-d one; length-1 axes ignored): the new array then has
 * C-order strides for its shape. Only an array that is not C-contiguous keeps its own (and
 * NumPy raises when their number differs from the shape's). With the shape kept, the two
 * differ at most on length-1 axes, which no address uses; with a new shape they are unknown
 * while it is unknown whether the source is C-contiguous.
 */
function omittedStrides(source: ArrayFact, shape: readonly Lin[] | undefined, newShape: boolean): { strides: readonly Lin[] | undefined; from: StridesOmitted } {
  const c = cContiguity(source);
  const unit = source.lib === 'numpy' ? constOf(source.itemsize) : 1;
  if (c === true && shape && unit !== undefined) return { strides: cStridesLin(shape, unit), from: 'C order' };
  if (c === false || !newShape) return { strides: source.strides, from: 'source' };
  return { strides: undefined, from: 'unknown' };
}

/**
 * `as_strided(a, a.shape[:-j] + (…), a.strides[:-k] + (…))` on an array `a` of unknown
 * dimension count: both prefixes brought to the same j (the larger; the strides' dropped items
 * become atoms `a.strides[-i]` in the tail), the tails of equal length, and the code itself
 * reading `a.shape[-j]` or `a.strides[-j]` (which raises when `a` has fewer than j
 * dimensions). The source is then the last j axes only.
 */
function prefixView(source: ArrayFact, shapeV: Val | undefined, stridesV: Val | undefined): { prefix: number; shape: Lin[]; strides: Lin[]; source: ArrayFact } | undefined {
  const L = source.symbolic;
  const isPrefix = (v: Val | undefined, attr: string): v is Extract<Val, { k: 'symtuple' }> => v?.k === 'symtuple' && (v.times ?? 1) === 1 && v.base === `${L}.${attr}`;
  if (!L || source.shape || !isPrefix(shapeV, 'shape') || !isPrefix(stridesV, 'strides')) return undefined;
  const j = Math.max(shapeV.drop ?? 0, stridesV.drop ?? 0);
  if (j === 0 || j > MAX_TUPLE) return undefined;
  const tailOf = (v: Extract<Val, { k: 'symtuple' }>): Lin[] | undefined => {
    const items: Val[] = [];
    for (let i = j; i > (v.drop ?? 0); i--) items.push(indexSymtuple(v.base, -i));
    items.push(...(v.tail ?? []));
    const out: Lin[] = [];
    for (const it of items) { const e = intOf(it); if (!e) return undefined; out.push(e); }
    return out;
  };
  const shape = tailOf(shapeV);
  const strides = tailOf(stridesV);
  if (!shape || !strides || shape.length !== strides.length) return undefined;
  const written = [...(shapeV.tail ?? []), ...(stridesV.tail ?? [])].flatMap((v) => (v.k === 'int' ? linAtoms(v.e) : []));
  if (!written.includes(`${L}.shape[${-j}]`) && !written.includes(`${L}.strides[${-j}]`)) return undefined;
  const axes = [...Array(j).keys()].map((i) => i - j);
  return {
    prefix: j, shape, strides,
    source: { ...source, shape: axes.map((i) => linVar(`${L}.shape[${i}]`)), strides: axes.map((i) => linVar(`${L}.strides[${i}]`)) },
  };
}

/** Where a stride call is, as its facts record it: spans, the callee's text and the source's as written. */
function callSite(ctx: CallCtx, call: SyntaxNode, callee: SyntaxNode, srcNode: SyntaxNode | undefined) {
  return {
    unit: ctx.unit, span: span(ctx, call), calleeSpan: span(ctx, callee), argsSpan: span(ctx, call.getChild('ArgList') ?? call),
    calleeText: src(ctx, callee), sourceText: srcNode ? src(ctx, srcNode) : undefined,
  };
}

/** A shape or strides argument: a tuple of ints, or `x.strides` of an unknown array. */
function shapeOrSym(v: Val, len?: number): Lin[] | undefined {
  if (v.k === 'symtuple') {
    if (v.drop || v.tail) return undefined;
    const times = v.times ?? 1;
    if (len === undefined || len % times !== 0) return undefined;
    const per = len / times;
    const out: Lin[] = [];
    for (let r = 0; r < times; r++) for (let i = 0; i < per; i++) {
      const e = indexSymtuple(v.base, i);
      if (e.k !== 'int') return undefined;
      out.push(e.e);
    }
    return out;
  }
  return shapeOf(v.k === 'sym' ? UNKNOWN : v);
}

function viewVal(f: CallFacts, source: ArrayFact | undefined): Val {
  if (!source || !f.shape || !f.strides || f.shape.length !== f.strides.length || !f.offset) return UNKNOWN;
  return {
    k: 'array',
    a: { ...source, label: `view of ${source.label}`, shape: f.shape, strides: f.strides, offset: f.offset, writeable: f.writeable },
  };
}

export function recordSwv(a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: CallCtx): Val {
  const x0 = arg(a, 0, 'x');
  const source = x0 && arrayOf(x0, 'numpy');
  const srcNode = argNode(a, 0, 'x');
  const ws = shapeOf(arg(a, 1, 'window_shape') ?? UNKNOWN);
  const axisV = arg(a, 2, 'axis');
  const wv = a.kw.get('writeable');
  const writeable = wv ? wv.k === 'bool' && wv.v : false;
  let axis: number[] | undefined;
  let problem: string | undefined;
  let shape: Lin[] | undefined;
  let strides: Lin[] | undefined;
  // An axis the code does not fix (a parameter, checked elsewhere) leaves the view unknown:
  // it is not an error, only a value known to raise is.
  let axisKnown = true;
  if (axisV && axisV.k !== 'none') {
    const ax = shapeOf(axisV)?.map(constOf);
    if (ax && ax.every((v) => v !== undefined)) axis = ax as number[];
    else axisKnown = false;
  }
  if (source?.shape && source.strides && ws && axisKnown) {
    const nd = source.shape.length;
    const axes = (axis ?? [...Array(nd).keys()]).map((k) => (k < 0 ? k + nd : k));
    if (axes.length !== ws.length) problem = `window_shape has ${ws.length} entries but ${axis ? 'axis has' : 'the array has'} ${axes.length}`;
    else if (axes.some((k) => k < 0 || k >= nd)) problem = `axis ${JSON.stringify(axis)} is out of range for a ${nd}-d array`;
    else {
      const outShape = [...source.shape];
      for (let i = 0; i < axes.length; i++) {
        const k = axes[i]!;
        const w = ws[i]!;
        const cw = constOf(w);
        if (cw !== undefined && cw < 0) { problem = '`window_shape` cannot contain negative values'; break; }
        const left = linSub(outShape[k]!, w);
        const nk = left && linAdd(left, lin(1));
        const cn = nk && constOf(nk);
        if (cn !== undefined && cn < 1) { problem = `window shape cannot be larger than input array shape (window ${cw} on an axis of length ${constOf(source.shape[k]!)})`; break; }
        if (!nk) { problem = 'window count not known'; break; }
        outShape[k] = nk;
      }
      if (!problem) {
        shape = [...outShape, ...ws];
        strides = [...source.strides, ...axes.map((k) => source.strides![k]!)];
      }
    }
  }
  const facts: CallFacts = {
    fn: 'sliding_window_view', ...callSite(ctx, call, callee, srcNode), source,
    shape, strides, shapeArg: undefined, stridesArg: undefined, offset: source?.offset, writeable, writeableArg: wv !== undefined, writeableSpan: argSpan(ctx, a.kwNodes.get('writeable')),
    window: ws ? { shape: ws, axis } : undefined, problem, swvName: swvName(ctx, src(ctx, callee)),
  };
  record(ctx, facts);
  return viewVal(facts, source);
}

/**
 * `np.broadcast_to(x, shape)`: a read-only view, strides 0 on the axes it repeats; NumPy
 * raises when a size is neither the array's nor 1 (SL008).
 */
export function recordBroadcast(a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: CallCtx): Val {
  const x0 = arg(a, 0, 'array');
  const source = x0 && arrayOf(x0, 'numpy');
  const srcNode = argNode(a, 0, 'array');
  const target = shapeOf(arg(a, 1, 'shape') ?? UNKNOWN);
  let shape: readonly Lin[] | undefined;
  let strides: readonly Lin[] | undefined;
  let problem: string | undefined;
  if (source?.shape && source.strides && target) {
    const b = broadcastTo(source, target);
    const from = source.shape.map(constOf);
    const to = target.map(constOf);
    if (b) { shape = b.shape; strides = b.strides; }
    else if (to.some((m) => m !== undefined && m < 0)) problem = 'all elements of broadcast shape must be non-negative';
    else if (target.length < source.shape.length || from.every((n, k) => { const m = to[k + target.length - from.length]; return n !== undefined && m !== undefined; })) {
      problem = `cannot broadcast an array of shape (${from.join(', ')}${from.length === 1 ? ',' : ''}) to shape (${to.join(', ')}${to.length === 1 ? ',' : ''})`;
    }
  }
  return recordView(ctx, call, callee, { fn: 'broadcast_to', source, srcNode, shape, strides, offset: source?.offset, problem });
}

/**
 * `t.unfold(dimension, size, step)`: the windows of `size` every `step` along `dimension`,
 * as a last axis; torch raises for a size past the axis's length or a step below 1 (SL008).
 */
export function recordUnfold(recv: Val, a: Args, call: SyntaxNode, callee: SyntaxNode, recvNode: SyntaxNode, ctx: CallCtx): Val {
  const source = arrayOf(recv, 'torch');
  const dimV = arg(a, 0, 'dimension');
  const size = dimV && intOf(arg(a, 1, 'size') ?? UNKNOWN);
  const step = dimV && intOf(arg(a, 2, 'step') ?? UNKNOWN);
  const dim = dimV && constOfInt(dimV);
  let shape: Lin[] | undefined;
  let strides: Lin[] | undefined;
  let problem: string | undefined;
  const nd = source?.shape?.length;
  const d = dim !== undefined && nd !== undefined ? (dim < 0 ? dim + Math.max(nd, 1) : dim) : undefined;
  const cSize = size && constOf(size);
  const cStep = step && constOf(step);
  if (cStep !== undefined && cStep <= 0) problem = `step is ${cStep} but must be > 0`;
  else if (cSize !== undefined && cSize < 0) problem = `size is ${cSize} but must be >= 0`;
  else if (d !== undefined && nd !== undefined && (d < 0 || d >= Math.max(nd, 1))) problem = `Dimension out of range (expected to be in range of [${-Math.max(nd, 1)}, ${Math.max(nd, 1) - 1}], but got ${dim})`;
  else if (source?.shape && source.strides && d !== undefined && size && step && nd! > 0) {
    const n = source.shape[d]!;
    const cn = constOf(n);
    if (cn !== undefined && cSize !== undefined && cSize > cn) problem = `maximum size for tensor at dimension ${d} is ${cn} but size is ${cSize}`;
    else {
      const left = linSub(n, size);
      const count = left && linFloorDiv(left, step);
      const windows = count && linAdd(count, lin(1));
      const along = linMul(source.strides[d]!, step);
      if (windows && along) {
        shape = [...source.shape.slice(0, d), windows, ...source.shape.slice(d + 1), size];
        strides = [...source.strides.slice(0, d), along, ...source.strides.slice(d + 1), source.strides[d]!];
      }
    }
  }
  return recordView(ctx, call, callee, { fn: 'Tensor.unfold', source, srcNode: recvNode, shape, strides, offset: source?.offset, problem });
}

/**
 * `np.ndarray(shape, dtype, buffer=b, offset=…, strides=…)`: a view of the bytes of `b` (its
 * own data, which must be contiguous: NumPy exports no other), from `offset` bytes on, with the
 * given strides or C- (`order='F'`: Fortran-) ordered ones. Unlike `as_strided`, NumPy checks
 * the view against the buffer and raises (SL008 in the findings, not SL001).
 */
export function recordNdarray(a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: CallCtx): Val {
  const bufV = arg(a, 2, 'buffer')!;
  const buf = arrayOf(bufV, 'numpy');
  const shape = shapeOf(arg(a, 0, 'shape'));
  const dtV = arg(a, 1, 'dtype');
  const dtype = dtV && dtV.k !== 'none' ? dtypeOf(dtV, 'numpy') : FLOAT64;
  const offV = arg(a, 3, 'offset');
  const offset = offV && offV.k !== 'none' ? intOf(offV) : lin(0);
  const stridesV = arg(a, 4, 'strides');
  const order = orderOf(arg(a, 5, 'order'), 'C');
  let problem: string | undefined;
  let source: ArrayFact | undefined;
  let strides: Lin[] | undefined;
  if (buf?.shape && buf.strides && buf.dtype && dtype && buf.lib === 'numpy') {
    const c = cContiguity(buf);
    const f = fContiguity(buf);
    if (c === false && f === false) problem = 'ndarray is not contiguous';
    // Unless the buffer is known to be contiguous, its bytes are not known to be the view's.
    else if (c || f) {
      // The buffer is the array's own bytes, seen as items of the new dtype.
      const n = sizeLin(buf.shape);
      const nbytes = n && linMul(n, buf.itemsize);
      const c = nbytes && constOf(nbytes);
      source = {
        lib: 'numpy', label: buf.label, dtype, itemsize: lin(dtype.itemsize),
        shape: c !== undefined && c % dtype.itemsize === 0 ? [lin(c / dtype.itemsize)] : undefined,
        strides: [lin(dtype.itemsize)], offset: lin(0), buffer: { label: buf.label, size: nbytes }, writeable: buf.writeable, symbolic: undefined,
      };
      if (stridesV && stridesV.k !== 'none') strides = shapeOrSym(stridesV, shape?.length);
      else if (shape && (order === 'C' || order === 'F')) strides = newArray('numpy', buf.label, shape, dtype, order).strides?.slice();
    }
  }
  return recordView(ctx, call, callee, { fn: 'ndarray', source, srcNode: argNode(a, 2, 'buffer'), shape, strides, offset, problem });
}

/**
 * `F.unfold(input, kernel_size, …)`: im2col, a copy (`library/torch.ts`'s `im2col`). Recorded
 * for its lens (the copy's shape, its blocks, or torch's error); the value is the new tensor.
 */
export function recordIm2col(a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: CallCtx): Val {
  const source = arrayOf(arg(a, 0, 'input') ?? UNKNOWN, 'torch');
  const r = im2col(source, a);
  // Contiguous, in elements whatever the dtype; the dtype is the input's.
  const out = r.shape ? newArray('torch', 'F.unfold(…)', r.shape, source?.dtype ?? FLOAT32) : undefined;
  record(ctx, {
    fn: 'F.unfold', ...callSite(ctx, call, callee, argNode(a, 0, 'input')), source,
    shape: r.shape, strides: out?.strides, shapeArg: undefined, stridesArg: undefined, offset: lin(0), writeable: true, writeableArg: false,
    window: undefined, problem: r.problem, swvName: swvName(ctx, src(ctx, callee)),
    ...(r.blocks && r.kernel ? { im2col: { blocks: r.blocks, kernel: r.kernel } } : {}),
  });
  return out && source?.dtype ? { k: 'array', a: out } : UNKNOWN;
}

/** Record a view made by a library function whose arguments leave no text to fix (no shape or strides argument, read-only or torch). */
function recordView(ctx: CallCtx, call: SyntaxNode, callee: SyntaxNode, v: {
  fn: StrideFn; source: ArrayFact | undefined; srcNode: SyntaxNode | undefined; shape: readonly Lin[] | undefined;
  strides: readonly Lin[] | undefined; offset: Lin | undefined; problem: string | undefined;
}): Val {
  const writeable = v.fn === 'Tensor.unfold' || (v.fn === 'ndarray' && v.source?.writeable === true);
  const facts: CallFacts = {
    fn: v.fn, ...callSite(ctx, call, callee, v.srcNode), source: v.source,
    shape: v.shape, strides: v.strides, shapeArg: undefined, stridesArg: undefined, offset: v.offset, writeable, writeableArg: false,
    window: undefined, problem: v.problem, swvName: swvName(ctx, src(ctx, callee)),
  };
  record(ctx, facts);
  return viewVal(facts, v.source);
}

export function recordTorch(a: Args, call: SyntaxNode, callee: SyntaxNode, ctx: CallCtx, fn: StrideFn, source: ArrayFact | undefined, first: number, srcNode: SyntaxNode | undefined): Val {
  const sizeV = arg(a, first, 'size');
  const strideV = arg(a, first + 1, 'stride');
  const offV = arg(a, first + 2, 'storage_offset');
  const shape = sizeV ? shapeOrSym(sizeV) : undefined;
  const strides = strideV ? shapeOrSym(strideV, shape?.length) : undefined;
  const off = offV && offV.k !== 'none' ? intOf(offV) : source?.offset;
  const src0 = source && source.lib === 'numpy' && source.symbolic ? { ...source, lib: 'torch' as Lib } : source;
  const facts: CallFacts = {
    fn, ...callSite(ctx, call, callee, srcNode), source: src0,
    shape, strides, shapeArg: argInfo(argNode(a, first, 'size'), ctx), stridesArg: argInfo(argNode(a, first + 1, 'stride'), ctx),
    offset: off, writeable: true, writeableArg: false, window: undefined,
    problem: source && source.lib === 'numpy' && !source.symbolic ? 'torch as_strided called on a NumPy array' : undefined,
    swvName: { text: 'sliding_window_view', importLine: undefined },
  };
  record(ctx, facts);
  return viewVal(facts, src0);
}
