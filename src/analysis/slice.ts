/**
 * Which top-level statements can matter to a stride call — found before parsing, so that only
 * those are parsed and interpreted.
 *
 * A linear scan splits the text into top-level statements (tracking brackets, strings,
 * comments, backslash continuations, indented bodies, `else`/`except`… clauses and
 * decorators) and collects the identifiers of each. A statement matters when it contains a
 * stride call (an identifier `as_strided`, `sliding_window_view` or `stride_tricks`, or a name
 * an import bound to one) or a `# stride-lens:` directive, or when it may bind a name that a
 * statement which matters reads. Reads are over-approximated by every identifier, bindings
 * by the targets of a plain assignment, the name of a `def`/`class`, and every identifier of
 * any other statement. A statement that may write into an object in place (an item or
 * attribute assignment, an augmented assignment, a call, which may change its arguments) may
 * also bind every name it reads but the functions it calls; and as names alias (`b = a`), it
 * matters when it may write a name bound, directly or not, from one that matters. So the
 * slice keeps everything that can change what the interpreter learns about a call. The Lezer
 * parser then reads only those statements (`ranges`), with positions still in the whole
 * text's coordinates.
 */
import { KEEP_ARGUMENTS } from './library/builtins';
import { READS_ONLY } from './library/methods';

const STRIDE_NAMES = new Set(['as_strided', 'sliding_window_view', 'stride_tricks', 'broadcast_to', 'unfold']);
/** A method call that changes a list in place. */
const MUTATOR_CALL = /\.\s*(append|extend|insert|pop|remove|clear|reverse|sort)\s*\(/;
const CLAUSES = new Set(['else', 'elif', 'except', 'finally']);
const COMPOUND = new Set(['if', 'for', 'while', 'with', 'try', 'match', 'async', 'import', 'from', 'global', 'nonlocal', 'del']);
// Python's keywords: never a name that is read or bound (soft keywords such as `match` can be names).
const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

/** One top-level statement: its span (from a line start to the next statement's) and names. */
export interface Chunk {
  readonly from: number;
  readonly to: number;
  /** Identifiers used as variables (not after a dot). */
  readonly reads: ReadonlySet<string>;
  /** Names the statement may bind (or change in place). */
  readonly writes: ReadonlySet<string>;
  /** Whether it may change an object in place (see above). */
  readonly inPlace: boolean;
  /** The names it binds (`writes` without what it may change in place). */
  readonly binds: ReadonlySet<string>;
  /** Builtins it calls that keep their arguments, unless the code rebinds their names. */
  readonly builtins: ReadonlySet<string>;
  readonly stride: boolean;
  readonly isImport: boolean;
  /** A `def` or `class` (with its decorators). */
  readonly definition: boolean;
}

interface Builder {
  from: number;
  reads: Set<string>;
  /** Whether an attribute name (`x.as_strided`) is a stride name. */
  strideProp: boolean;
  first: string | undefined;
  /** Identifiers before the last depth-0 assignment operator, when there is one. */
  targets: Set<string> | undefined;
  pending: string[];
  group: boolean;
  directive: boolean;
  decorator: boolean;
  inPlace: boolean;
  /** Names called as functions (`f(…)`): not changed by the call. */
  callees: Set<string>;
  /** A `[` or `.` seen before any assignment operator (an item or attribute target). */
  subscripted: boolean;
  /** Builtins it calls that keep their arguments (`print`, `len`). */
  builtins: Set<string>;
}

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

/** Split `text` into top-level statements with the names each one reads and may bind. */
export function splitStatements(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const n = text.length;
  let cur: Builder | undefined;
  let depth = 0;
  let i = 0;
  let lineStart = true;
  let continued = false;
  let prevSignificant = 0; // last non-space character code outside strings/comments
  const finish = (to: number) => {
    if (!cur) return;
    let writes: Set<string>;
    const first = cur.first;
    if (cur.group || first === undefined || COMPOUND.has(first) || cur.decorator) writes = new Set(cur.reads);
    else if (first === 'def' || first === 'class') writes = new Set(cur.pending.length ? [cur.pending[0]!] : []);
    else if (cur.targets) writes = cur.targets;
    // An expression statement binds nothing, but `xs.append(3)` changes xs in place.
    else writes = MUTATOR_CALL.test(text.slice(cur.from, to)) ? new Set(cur.reads) : new Set();
    if (cur.decorator) {
      // `@dec` lines then `def name`: the def's name is what is bound.
      writes = new Set(cur.pending.length ? [cur.pending[0]!] : cur.reads);
    }
    // `del xs[0]` changes in place what `xs` holds (and every alias of it); `del x` does not.
    const inPlace = (cur.inPlace || (first === 'del' && cur.subscripted)) && first !== 'def' && first !== 'class' && !cur.decorator && first !== 'import' && first !== 'from';
    chunks.push({
      from: cur.from, to, reads: cur.reads, writes: inPlace ? changedInPlace(writes, cur.reads, cur.callees) : writes, inPlace, binds: writes, builtins: cur.builtins,
      stride: cur.directive || cur.strideProp || hasAny(cur.reads, STRIDE_NAMES),
      isImport: first === 'import' || first === 'from',
      definition: first === 'def' || first === 'class',
    });
    cur = undefined;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      if (depth === 0 && !continued) {
        // Where does this line's first token start, and is it a new top-level statement?
        let j = i;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 12)) j++;
        const ch = text.charCodeAt(j);
        const blank = j >= n || ch === 10 || ch === 13 || ch === 35;
        if (!blank && j === i) {
          let k = j;
          while (k < n && isIdPart(text.charCodeAt(k))) k++;
          const word = text.slice(j, k);
          const clause = CLAUSES.has(word) && (cur?.first !== undefined);
          const afterDecorator = cur?.decorator && !cur.pending.length;
          if (!clause && !afterDecorator) {
            finish(i);
            cur = newBuilder(i, ch === 64);
          }
        }
      }
      continued = false;
    }
    if (!cur) cur = newBuilder(i, false);
    if (c === 10 || c === 13) {
      lineStart = true;
      i++;
      continue;
    }
    if (c === 35) { // comment
      let k = i;
      while (k < n && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      if (text.startsWith('stride-lens:', i + 1) || (k - i > 13 && /^#\s*stride-lens:/.test(text.slice(i, Math.min(k, i + 40))))) cur.directive = true;
      i = k;
      continue;
    }
    if (c === 92) { // backslash continuation
      if (text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13) { continued = true; i++; continue; }
      i++;
      continue;
    }
    if (c === 34 || c === 39) { // a string (any prefix was read as an identifier just before)
      const triple = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
      let k = i + (triple ? 3 : 1);
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === 92) { k += 2; continue; }
        if (d === c && (!triple || (text.charCodeAt(k + 1) === c && text.charCodeAt(k + 2) === c))) { k += triple ? 3 : 1; break; }
        if (!triple && (d === 10 || d === 13)) break; // unterminated single-quoted string ends at the line
        k++;
      }
      i = k;
      prevSignificant = c;
      continue;
    }
    if (isIdStart(c)) {
      let k = i + 1;
      while (k < n && isIdPart(text.charCodeAt(k))) k++;
      const quoteNext = text.charCodeAt(k) === 34 || text.charCodeAt(k) === 39;
      if (!(quoteNext && k - i <= 2 && /^[rRbBuUfF]{1,2}$/.test(text.slice(i, k)))) {
        const word = text.slice(i, k);
        let m = k;
        while (m < n && (text.charCodeAt(m) === 32 || text.charCodeAt(m) === 9)) m++;
        if (text.charCodeAt(m) === 40) {
          cur.callees.add(word);
          // `np.ndarray(…, buffer=b)` makes a view; `np.ndarray` as a type (annotations, isinstance) does not.
          if (word === 'ndarray') cur.strideProp = true;
          // A call may change its arguments in place, unless it is one known not to (a
          // builtin only while the code binds nothing to its name: see relevantChunks).
          if (prevSignificant === 46 ? !KEEPS_ARGUMENTS.has(word) : !KEEP_ARGUMENTS.has(word)) cur.inPlace = true;
          else if (prevSignificant !== 46) cur.builtins.add(word);
        } else if (word === 'out' && text.charCodeAt(m) === 61 && text.charCodeAt(m + 1) !== 61) cur.inPlace = true; // `out=`
        if (prevSignificant === 46) {
          if (!cur.strideProp && STRIDE_NAMES.has(word)) cur.strideProp = true;
        } else {
          if (!KEYWORDS.has(word)) cur.reads.add(word);
          if (cur.first === undefined && !cur.decorator) cur.first = word;
          else if (cur.first === undefined && cur.decorator && (word === 'def' || word === 'class')) cur.first = word;
          if ((cur.first === 'def' || cur.first === 'class') && word !== 'def' && word !== 'class' && word !== 'async') cur.pending.push(word);
          else if (cur.decorator && cur.first === undefined) { /* decorator expression */ }
        }
      }
      i = k;
      prevSignificant = 97;
      continue;
    }
    // A call of a call's or an item's result (`g()(`, `fs[0](`), or an item or attribute reached before any `=`.
    if (c === 40 && (prevSignificant === 41 || prevSignificant === 93)) cur.inPlace = true;
    if ((c === 91 || c === 46) && !cur.targets && prevSignificant !== 0) cur.subscripted = true;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === 59) cur.group = true; // `a; b`
    else if (depth === 0 && c === 61) {
      const next = text.charCodeAt(i + 1);
      const before = prevSignificant;
      // `=` alone or an augmented `op=`; not `==`, `<=`, `>=`, `!=`.
      if (next !== 61 && before !== 61 && before !== 60 && before !== 62 && before !== 33) {
        // `a[i] = …`, `a.x = …`, `a += …`: written in place.
        if (cur.subscripted || AUGMENTED.has(before)) cur.inPlace = true;
        cur.targets = new Set(cur.reads);
      }
      if (next === 61) { i += 2; prevSignificant = 61; continue; }
    }
    if (c !== 32 && c !== 9 && c !== 12) prevSignificant = c;
    i++;
  }
  finish(n);
  return chunks;
}

/** Whether Python text may bind `name` (an assignment, `def`, `class`, `for … in`, `as`, `import`, `global`). */
function bindsName(text: string, name: string): boolean {
  const n = `\\b${name}\\b`;
  return new RegExp(`(^|[^.\\w])${name}\\s*(,[^\\n=]*)?(=(?!=)|[-+*/%&|^@]=)|\\b(def|class|as|import|global|nonlocal)\\s+${name}\\b|\\bfor\\b[^:\\n]*${n}[^:\\n]*\\bin\\b|\\bimport\\b[^\\n]*${n}`).test(text);
}

/** A statement taken to change in place every name it reads (see `inPlace`). */
function changesInPlace(c: Chunk): Chunk {
  // Not in place until now: every function it calls by name is a builtin.
  return { ...c, inPlace: true, writes: changedInPlace(c.writes, c.reads, c.builtins) };
}

/** What a statement that may write in place may change: what it binds and every name it reads but the functions it calls. */
function changedInPlace(binds: ReadonlySet<string>, reads: ReadonlySet<string>, callees: ReadonlySet<string>): Set<string> {
  const out = new Set(binds);
  for (const r of reads) if (!callees.has(r)) out.add(r);
  return out;
}

function newBuilder(from: number, decorator: boolean): Builder {
  return {
    from, reads: new Set(), strideProp: false, first: undefined, targets: undefined, pending: [], group: false, directive: false, decorator,
    inPlace: false, callees: new Set(), subscripted: false, builtins: new Set(),
  };
}

/**
 * Methods and module functions (`np.zeros`, `a.mean`, `t.view`) taken not to change their
 * arguments or receiver: the array methods the library model knows to only read, and the
 * constructors and views of NumPy and torch of these names; a method of the same name on a
 * class of the code's own that does would be missed by the slice. (Builtins: `KEEP_ARGUMENTS`.)
 */
const KEEPS_ARGUMENTS = new Set([
  ...READS_ONLY,
  'zeros', 'ones', 'empty', 'full', 'arange', 'linspace', 'array', 'asarray', 'ascontiguousarray', 'rand', 'randn',
  'randint', 'normal', 'uniform', 'as_strided', 'sliding_window_view', 'broadcast_to',
  'std', 'var', 'contiguous', 'stride', 'size', 'dim', 'numel', 'read', 'join', 'split', 'strip',
]);

/** The character before `=` in an augmented assignment (`+=`, `//=`, `**=`, `@=`, `>>=`…). */
const AUGMENTED = new Set([43, 45, 42, 47, 37, 38, 124, 94, 64]);

function hasAny(set: ReadonlySet<string>, of: ReadonlySet<string>): boolean {
  // Walk the smaller set: the names a statement reads are few, the stride names may be many.
  const [small, big] = set.size <= of.size ? [set, of] : [of, set];
  for (const x of small) if (big.has(x)) return true;
  return false;
}

/** Per unit, whether each statement matters; units are in execution order (notebook cells). */
export function relevantChunks(chunks: readonly (readonly Chunk[])[], texts: readonly string[]): boolean[][] {
  // A builtin the code binds a name to (`def len(…)`, `from m import sum`, `print = log`) may
  // change its arguments. A compound statement's binds are every name it reads (`for k in d:
  // print(k)`): its text says whether it binds the builtin's name.
  const bound = new Set<string>();
  chunks.forEach((u, ui) => {
    for (const c of u) for (const b of c.binds) {
      if (!KEEP_ARGUMENTS.has(b) || bound.has(b)) continue;
      if (c.isImport || c.definition || bindsName(texts[ui]!.slice(c.from, c.to), b)) bound.add(b);
    }
  });
  const units = bound.size === 0 ? chunks : chunks.map((u) => u.map((c) => (!c.inPlace && hasAny(c.builtins, bound) ? changesInPlace(c) : c)));
  const strideNames = new Set(STRIDE_NAMES);
  for (const u of units) for (const c of u) {
    if (c.isImport && hasAny(c.reads, STRIDE_NAMES)) for (const w of c.writes) strideNames.add(w);
  }
  // A function (or class) that makes a stride call, directly or through another one: a call
  // of it is resolved at its call site, so the statements calling it matter too.
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units) for (const c of u) {
      if (!c.definition || (!c.stride && !hasAny(c.reads, strideNames))) continue;
      for (const w of c.writes) if (!strideNames.has(w)) { strideNames.add(w); grew = true; }
    }
  }
  // Names a stride statement binds (the views): a statement that mentions one may write
  // through the view (SL003 looks for that), so it is parsed too.
  const views = new Set<string>();
  for (const u of units) for (const c of u) {
    if (!c.isImport && !c.definition && (c.stride || hasAny(c.reads, strideNames))) for (const w of c.binds) views.add(w);
  }
  const keep = units.map((u) => u.map(() => false));
  const relevant = new Set<string>();
  const mark = (): void => {
    for (let ui = units.length - 1; ui >= 0; ui--) {
      const u = units[ui]!;
      for (let k = u.length - 1; k >= 0; k--) {
        const c = u[k]!;
        let matters = c.stride || (!c.isImport && (hasAny(c.reads, strideNames) || hasAny(c.reads, views)));
        if (!matters) for (const w of c.writes) if (relevant.has(w)) { matters = true; break; }
        if (!matters) continue;
        keep[ui]![k] = true;
        for (const r of c.reads) relevant.add(r);
      }
    }
  };
  mark();
  // Aliases: a name bound from one that matters may be the same object (`b = a`), so a
  // statement writing into it in place matters too (and so does what it reads). Each round
  // adds names; past the bound every statement is kept rather than one missed.
  for (let round = 0; ; round++) {
    const aliases = new Set(relevant);
    for (let grew = true; grew;) {
      grew = false;
      for (const u of units) for (const c of u) {
        if (c.definition || c.isImport || !hasAny(c.reads, aliases)) continue;
        for (const w of c.writes) if (!aliases.has(w)) { aliases.add(w); grew = true; }
      }
    }
    let added = false;
    units.forEach((u, ui) => u.forEach((c, k) => {
      if (keep[ui]![k] || !c.inPlace) return;
      for (const w of c.writes) if (aliases.has(w)) { relevant.add(w); added = true; }
    }));
    if (!added) return keep;
    if (round >= MAX_ALIAS_ROUNDS) return units.map((u) => u.map(() => true));
    mark();
  }
}

/** Rounds of alias discovery before the slice gives up and keeps every statement. */
const MAX_ALIAS_ROUNDS = 16;

/** The ranges to parse: the statements that matter, adjacent ones merged. */
export function keptRanges(chunks: readonly Chunk[], keep: readonly boolean[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  chunks.forEach((c, k) => {
    if (!keep[k]) return;
    const last = out[out.length - 1];
    if (last && last.to === c.from) last.to = c.to;
    else out.push({ from: c.from, to: c.to });
  });
  return out;
}
