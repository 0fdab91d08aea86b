/**
 * Messages between the extension host and the webviews, one union per direction.
 * Host and webviews ship together, so there is no protocol version; what outlives a
 * session (persisted webview state, notebook MIME types) carries its own version.
 * The webview speaks first (`ready`) and the host answers with the full initial state.
 */

/** Which app a webview shows; set by the host on the page, read by webview/app/main.tsx. */
export type WebviewKind = 'calculator';

/** Inputs of the layout calculator, as the user typed them. */
export interface CalculatorInputs {
  readonly dtype: string;
  readonly shape: string;
  readonly strides: string;
  readonly offset: string;
  /** Buffer size in bytes (`3136`) or the base array's shape (`28,28`); empty = unknown. */
  readonly buffer: string;
  /** Strides and offset in bytes (NumPy) or in elements (PyTorch). */
  readonly unit: 'bytes' | 'elements';
}

/** Persisted webview state of the calculator (`vscode.setState`). */
export interface CalculatorStateV1 {
  readonly version: 1;
  readonly preset: string;
  readonly inputs: CalculatorInputs;
}

export type HostToWebview =
  /** Answer to `ready`: what to show first (a preset name, or restored inputs). */
  | { readonly type: 'init'; readonly preset?: string; readonly inputs?: CalculatorInputs };

export type WebviewToHost =
  /** The webview has loaded and listens for messages. */
  | { readonly type: 'ready' }
  /** Copy text (a NumPy snippet) to the clipboard. */
  | { readonly type: 'copy'; readonly text: string }
  /** Open the snippet in a new untitled Python editor. */
  | { readonly type: 'openSnippet'; readonly text: string }
  /** Something failed in the webview; log it where the user can see it. */
  | { readonly type: 'error'; readonly message: string };
