/**
 * Worker thread for long jobs (dist/worker.js): statistics over a whole `.npy` array or `.npz`
 * member, with progress and cancel. Each job opens its own view of the file (the host keeps
 * its own descriptor for pages), reads chunk by chunk, and always answers `done` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import { openFileSource, type FileSource } from '../node/fileSource';
import { memorySource } from '../npy/source';
import { computeStats } from '../npy/stats';
import { listNpz } from '../npy/zip';
import { openNpy, type NpyArray } from '../npy/npy';
import type { ByteSource } from '../npy/source';
import type { Result } from '../engine/report';
import { looksLikeZip, openMember } from './openArray';
import { statsData } from './statsData';
import type { FromWorker, StatsInput, ToWorker } from './jobs';

/** Histogram bins shown by the viewer. */
const BINS = 32;
/** Progress messages at most this often. */
const PROGRESS_MS = 100;

const port = parentPort;
const running = new Map<number, AbortController>();

function send(m: FromWorker): void {
  port?.postMessage(m);
}

/** The job's array: the `.npy` itself, or member `member` of the `.npz`. */
async function openJobArray(src: ByteSource, name: string, member: string | null): Promise<Result<NpyArray>> {
  if (!looksLikeZip(await src.read(0, 4))) {
    return member === null ? openNpy(src, { name }) : { ok: false, error: `${name} is not an .npz archive; it has no member ${JSON.stringify(member)}` };
  }
  const list = await listNpz(src, { name });
  if (!list.ok) return list;
  const m = list.value.find((x) => x.name === member);
  return m ? openMember(src, name, m) : { ok: false, error: `${name} has no member ${JSON.stringify(member)}` };
}

async function runStats(id: number, input: StatsInput, member: string | null, signal: AbortSignal): Promise<void> {
  let file: FileSource | undefined;
  try {
    const src = input.kind === 'path' ? (file = openFileSource(input.path)) : memorySource(input.bytes);
    const arr = await openJobArray(src, input.name, member);
    if (!arr.ok) { send({ type: 'failed', id, error: arr.error, cancelled: false }); return; }
    const total = Number(arr.value.header.count);
    let last = 0;
    const r = await computeStats(arr.value, {
      signal,
      bins: BINS,
      yieldTo: () => new Promise((resolve) => setImmediate(resolve)),
      onProgress: (fraction) => {
        const now = Date.now();
        if (now - last < PROGRESS_MS && fraction < 1) return;
        last = now;
        send({ type: 'progress', id, done: Math.round(fraction * total), total });
      },
    });
    if (signal.aborted) { send({ type: 'failed', id, error: 'cancelled', cancelled: true }); return; }
    if (!r.ok) { send({ type: 'failed', id, error: r.error, cancelled: false }); return; }
    send({ type: 'done', id, stats: statsData(r.value) });
  } catch (e) {
    send({ type: 'failed', id, error: e instanceof Error ? e.message : String(e), cancelled: signal.aborted });
  } finally {
    file?.close();
    running.delete(id);
  }
}

port?.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'stats': {
      const ctl = new AbortController();
      running.set(m.id, ctl);
      void runStats(m.id, m.input, m.member, ctl.signal);
      return;
    }
    case 'cancel':
      running.get(m.id)?.abort();
      return;
    default: {
      const never: never = m;
      send({ type: 'failed', id: -1, error: `unknown job ${JSON.stringify(never)}`, cancelled: false });
    }
  }
});
