/**
 * Messages between the extension host and the worker thread (dist/worker.js), and where a
 * job finds its bytes. Plain data; node-internal (structured clone, so bytes travel as they are).
 */
import type { NpyStatsData } from '../protocol';

/** Where a statistics job reads the array: a file on disk (reopened in the worker) or bytes in memory. */
export type StatsInput =
  | { readonly kind: 'path'; readonly path: string; readonly name: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly name: string };

/** Host → worker. */
export type ToWorker =
  /** Compute exact statistics over the whole array (or `.npz` member `member`). */
  | { readonly type: 'stats'; readonly id: number; readonly input: StatsInput; readonly member: string | null }
  /** Stop job `id` (it answers `failed` with `cancelled: true`). */
  | { readonly type: 'cancel'; readonly id: number };

/** Worker → host. */
export type FromWorker =
  /** Job `id` has read `done` of `total` elements. */
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  /** Job `id` finished. */
  | { readonly type: 'done'; readonly id: number; readonly stats: NpyStatsData }
  /** Job `id` failed or was cancelled. */
  | { readonly type: 'failed'; readonly id: number; readonly error: string; readonly cancelled: boolean };
