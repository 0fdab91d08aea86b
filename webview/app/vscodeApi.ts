/** The one typed channel to the extension host (see src/protocol.ts). */
import type { HostToWebview, WebviewToHost } from '../../src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewToHost): void {
  api.postMessage(message);
}

/** Subscribe to host messages; returns the unsubscribe function. */
export function onHostMessage(handler: (m: HostToWebview) => void): () => void {
  const listener = (e: MessageEvent<HostToWebview>) => handler(e.data);
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}

export function getState<T>(isValid: (s: unknown) => s is T): T | undefined {
  const s = api.getState();
  return isValid(s) ? s : undefined;
}

export function setState(state: unknown): void {
  api.setState(state);
}
