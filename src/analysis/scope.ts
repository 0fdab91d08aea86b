/**
 * Scopes of the interpreter: what each name holds, which names are bound to library paths
 * (`np` → `numpy`), and what a top-level statement read from and wrote to the module scope
 * (so an edit re-runs only the statements whose inputs changed).
 */
import type { Val } from './values';

/** Names in scope: this scope's bindings, the enclosing scope, and library paths by bound name. */
export interface Env {
  readonly vars: Map<string, Val>;
  readonly parent: Env | undefined;
  /** Full library path → a name bound to it in this scope (for quick-fix text). */
  readonly refs: Map<string, string>;
  /** Whether a name here may hold an array with values or a list (what `forgetValues` forgets). */
  mutable: boolean;
}

/** An empty module scope. */
export function newEnv(parent?: Env): Env {
  return { vars: new Map(), parent, refs: new Map(), mutable: false };
}

/** What one top-level statement read from and wrote to the module scope (for re-use after edits). */
export interface Tracking {
  readonly module: Env;
  readonly reads: Map<string, Val | undefined>;
  readonly refReads: Map<string, string | undefined>;
  readonly writes: Map<string, Val>;
  /** Set when the statement forgot mutable values (`forgetValues`): it is never replayed. */
  volatile: boolean;
}

/** A scope and, for a top-level statement, what it reads and writes. */
export type Scoped = { env: Env; track?: Tracking };

/** What `name` holds in this scope or an enclosing one (a read of the module scope is noted). */
export function getVar(ctx: Scoped, name: string): Val | undefined {
  for (let e: Env | undefined = ctx.env; e; e = e.parent) {
    const v = e.vars.get(name);
    if (v) {
      if (ctx.track && e === ctx.track.module) noteRead(ctx.track, name, v);
      return v;
    }
  }
  if (ctx.track) noteRead(ctx.track, name, undefined);
  return undefined;
}

function noteRead(t: Tracking, name: string, v: Val | undefined): void {
  if (!t.writes.has(name) && !t.reads.has(name)) t.reads.set(name, v);
}

/** Bind `name` in this scope (a write of the module scope is noted). */
export function setVar(ctx: Scoped, name: string, v: Val): void {
  ctx.env.vars.set(name, v);
  if (isMutable(v)) ctx.env.mutable = true;
  if (v.k === 'ref') ctx.env.refs.set(v.path, name);
  if (ctx.track && ctx.env === ctx.track.module) ctx.track.writes.set(name, v);
}

/** A name bound to the library path here (read for re-use after edits), for quick-fix text. */
export function refName(ctx: Scoped, path: string): string | undefined {
  const found = refNameRaw(ctx.env, path);
  if (ctx.track && !ctx.track.refReads.has(path)) ctx.track.refReads.set(path, found);
  return found;
}

/** A name in `env` or its parents that still holds the library path `path`. */
export function refNameRaw(env: Env, path: string): string | undefined {
  for (let e: Env | undefined = env; e; e = e.parent) {
    const name = e.refs.get(path);
    if (name !== undefined) {
      let cur: Val | undefined;
      for (let f: Env | undefined = env; f && !cur; f = f.parent) cur = f.vars.get(name);
      if (cur?.k === 'ref' && cur.path === path) return name;
    }
  }
  return undefined;
}

/** Whether a value is or holds a list (mutable, unlike a tuple). */
export function holdsList(v: Val): boolean {
  return v.k === 'tuple' && (v.seq === 'list' || v.items.some(holdsList));
}

/** Whether a value is an array with values or holds a list: what `forgetValues` forgets. */
export function isMutable(v: Val): boolean {
  return (v.k === 'array' && v.values !== undefined) || holdsList(v);
}
