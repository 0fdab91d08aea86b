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
 * any other statement, so the slice keeps everything that can change what the interpreter
 * learns about a call. The Lezer parser then reads only those statements (`ranges`), with
 * positions still in the whole text's coordinates.
 */

const STRIDE_NAMES = new Set(['as_strided', 'sliding_window_view', 'stride_tricks']);
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
  /** Names the statement may bind. */
  readonly writes: ReadonlySet<string>;
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
    chunks.push({
      from: cur.from, to, reads: cur.reads, writes,
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
            cur = { from: i, reads: new Set(), strideProp: false, first: undefined, targets: undefined, pending: [], group: false, directive: false, decorator: ch === 64 };
          }
        }
      }
      continued = false;
    }
    if (!cur) cur = { from: i, reads: new Set(), strideProp: false, first: undefined, targets: undefined, pending: [], group: false, directive: false, decorator: false };
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
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === 59) cur.group = true; // `a; b`
    else if (depth === 0 && c === 61) {
      const next = text.charCodeAt(i + 1);
      const before = prevSignificant;
      // `=` alone or an augmented `op=`; not `==`, `<=`, `>=`, `!=`.
      if (next !== 61 && before !== 61 && before !== 60 && before !== 62 && before !== 33) {
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

function hasAny(set: ReadonlySet<string>, of: ReadonlySet<string>): boolean {
  // Walk the smaller set: the names a statement reads are few, the stride names may be many.
  const [small, big] = set.size <= of.size ? [set, of] : [of, set];
  for (const x of small) if (big.has(x)) return true;
  return false;
}

/** Per unit, whether each statement matters; units are in execution order (notebook cells). */
export function relevantChunks(units: readonly (readonly Chunk[])[]): boolean[][] {
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
    if (!c.isImport && !c.definition && (c.stride || hasAny(c.reads, strideNames))) for (const w of c.writes) views.add(w);
  }
  const keep = units.map((u) => u.map(() => false));
  const relevant = new Set<string>();
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
  return keep;
}

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
