/**
 * Requests to the host bound to their responses by id: each request's promise settles when
 * the response with its id arrives (rejecting with the host's error), or when the pending set
 * is closed. Pure (no DOM): the sender is passed in.
 */
import type { NpyMethod, NpyRequest, NpyRequests, NpyResponse } from '../../../src/protocol';

/** Pending requests: `request` sends and waits, `settle` delivers a response, `close` rejects all. */
export interface Pending {
  request<M extends NpyMethod>(method: M, params: NpyRequests[M]['params']): Promise<NpyRequests[M]['result']>;
  /** Deliver a response; false when no request has its id. */
  settle(r: NpyResponse): boolean;
  close(reason: string): void;
  readonly size: number;
}

/** A pending-request table that sends through `send`. */
export function createPending(send: (m: NpyRequest) => void): Pending {
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  return {
    request<M extends NpyMethod>(method: M, params: NpyRequests[M]['params']) {
      const id = next++;
      return new Promise<NpyRequests[M]['result']>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        try {
          send({ type: 'npyRequest', id, method, params } as NpyRequest);
        } catch (e) {
          waiting.delete(id);
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    },
    settle(r) {
      const w = waiting.get(r.id);
      if (!w) return false;
      waiting.delete(r.id);
      if (r.ok) w.resolve(r.result);
      else w.reject(new Error(r.error));
      return true;
    },
    close(reason) {
      for (const w of waiting.values()) w.reject(new Error(reason));
      waiting.clear();
    },
    get size() {
      return waiting.size;
    },
  };
}
