/**
 * One opened `.npy`/`.npz` file as the viewer sees it: what to show first, and the answers to
 * the webview's requests (open a member, read a page through a view). Pure: it reads through
 * a `ByteSource`, so tests drive it with files in memory; the custom editor gives it a file.
 * Every request gets an answer — a failure is an `ok: false` response with the reader's message.
 */
import type { Result } from '../../engine/report';
import { openNpy, type NpyArray } from '../../npy/npy';
import type { ByteSource } from '../../npy/source';
import { listNpz } from '../../npy/zip';
import { looksLikeZip, openMember } from '../../worker/openArray';
import type { NpyInit, NpyRequest, NpyResponse } from '../../protocol';
import { arrayInfo, readPageData } from '../../npy/cells';

/** An opened file: its first view and its arrays (the file itself, or `.npz` members opened on demand). */
export interface ViewerSession {
  readonly file: string;
  readonly init: NpyInit;
  /** The array for `member` (`null` for a `.npy` file), opened once and kept. */
  array(member: string | null): Promise<Result<NpyArray>>;
}

/** Open `src` named `file`: a `.npy` header, or an `.npz` member list; never throws (errors become `init.kind = 'error'`). */
export async function openSession(src: ByteSource, file: string): Promise<ViewerSession> {
  const fail = (error: string): ViewerSession => ({
    file,
    init: { kind: 'error', file, error },
    array: () => Promise.resolve({ ok: false, error }),
  });
  let head: Uint8Array;
  try {
    head = await src.read(0, 4);
  } catch (e) {
    return fail(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (looksLikeZip(head)) {
    const list = await listNpz(src, { name: file });
    if (!list.ok) return fail(list.error);
    const members = list.value;
    const opened = new Map<string, Promise<Result<NpyArray>>>();
    return {
      file,
      init: {
        kind: 'npz', file,
        members: members.map((m) => ({ name: m.name, key: m.key, compressed: m.compressed, size: m.size, compressedSize: m.compressedSize })),
      },
      array: (member) => {
        const m = members.find((x) => x.name === member);
        if (!m) return Promise.resolve({ ok: false, error: `${file} has no member ${JSON.stringify(member)}` });
        let p = opened.get(m.name);
        if (!p) opened.set(m.name, (p = openMember(src, file, m)));
        return p;
      },
    };
  }
  const arr = await openNpy(src, { name: file });
  if (!arr.ok) return fail(arr.error);
  return {
    file,
    init: { kind: 'npy', file, array: arrayInfo(arr.value.header, file) },
    array: (member) => Promise.resolve(member === null ? arr : { ok: false, error: `${file} is a .npy file; it has no member ${JSON.stringify(member)}` }),
  };
}

/** Answer one viewer request (never rejects). */
export async function handleRequest(s: ViewerSession, req: NpyRequest): Promise<NpyResponse> {
  const fail = (error: string): NpyResponse => ({ type: 'npyResponse', id: req.id, ok: false, error });
  try {
    switch (req.method) {
      case 'openMember': {
        const arr = await s.array(req.params.member);
        if (!arr.ok) return fail(arr.error);
        return { type: 'npyResponse', id: req.id, ok: true, result: arrayInfo(arr.value.header, arr.value.name) };
      }
      case 'page': {
        const arr = await s.array(req.params.member);
        if (!arr.ok) return fail(arr.error);
        const page = await readPageData(arr.value, req.params);
        return page.ok ? { type: 'npyResponse', id: req.id, ok: true, result: page.value } : fail(page.error);
      }
      default: {
        const never: never = req;
        return fail(`unknown request ${JSON.stringify(never)}`);
      }
    }
  } catch (e) {
    return fail(`${s.file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
