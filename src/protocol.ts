/**
 * Messages between the extension host and the webviews, one union per direction.
 * Host and webviews ship together, so there is no protocol version; what outlives a
 * session (persisted webview state, notebook MIME types) carries its own version.
 * The webview speaks first (`ready`) and the host answers with the full initial state.
 */

import type { BenchResult, BenchRun } from './bench/types';
import type { PageSpec } from './engine/gather';
import type { Layout } from './engine/layout';

export type { PageSpec };

/** Which app a webview shows; set by the host on the page, read by webview/app/main.tsx. */
export type WebviewKind = 'calculator' | 'npyViewer' | 'bench';

/** Inputs of the Layout Playground, as the user typed them. */
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

// ---- .npy / .npz viewer (custom editor `strideLens.npyViewer`) --------------------------

/** Header facts of one `.npy` array (a file or an `.npz` member), JSON-safe. */
export interface NpyArrayInfo {
  /** File name, or `archive.npz/member.npy`. */
  readonly name: string;
  /** Format version, `'1.0'`, `'2.0'` or `'3.0'`. */
  readonly version: string;
  /** The descr as NumPy writes it (`'>f8'`, or a structured list as a Python literal). */
  readonly descr: string;
  /** NumPy's `dtype.name` (`float64`) and `dtype.str` (`>f8`). */
  readonly dtypeName: string;
  readonly dtypeStr: string;
  /** `<` little, `>` big, `|` not applicable. */
  readonly byteOrder: '<' | '>' | '|';
  readonly itemsize: number;
  readonly shape: readonly number[];
  /** Strides in bytes as NumPy gives the loaded array. */
  readonly strides: readonly number[];
  readonly fortranOrder: boolean;
  readonly dataOffset: number;
  /** Element count and data bytes, decimal strings (exact past 2^53). */
  readonly count: string;
  readonly nbytes: string;
  /** Values have a number for colours and statistics (bool, int, float, complex). */
  readonly numeric: boolean;
}

/** One member of an `.npz` archive as listed from its central directory. */
export interface NpzMemberEntry {
  readonly name: string;
  /** The key `np.load(...)[key]` uses. */
  readonly key: string;
  readonly compressed: boolean;
  readonly size: number;
  readonly compressedSize: number;
}

/** A cell's number for colouring: finite numbers as they are, NaN and infinities by name (JSON has none), `null` for no number. */
export type NpyCellValue = number | 'nan' | 'inf' | '-inf' | null;

/** A number as a cell value: NaN and infinities by name. */
export function toCellValue(x: number): NpyCellValue {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return x;
}

/** A rectangular block of values for display (row-major), every cell as text and as a colour value. */
export interface NpyPageData {
  readonly rowStart: number;
  readonly colStart: number;
  readonly rows: number;
  readonly cols: number;
  readonly texts: readonly string[];
  readonly values: readonly NpyCellValue[];
  /** For a structured dtype when asked (`fields`): the leaf fields' dotted names, and each cell's texts per field. */
  readonly fields?: { readonly names: readonly string[]; readonly texts: readonly (readonly string[])[] };
}

/** Exact statistics over a whole array (numbers as `NpyCellValue`, since min/max may be infinite). */
export interface NpyStatsData {
  readonly count: string;
  /** Finite values the moments are over. */
  readonly finiteCount: string;
  readonly min: NpyCellValue;
  readonly max: NpyCellValue;
  readonly mean: NpyCellValue;
  readonly std: NpyCellValue;
  readonly nanCount: string;
  readonly posInfCount: string;
  readonly negInfCount: string;
  /** `counts.length` equal bins over [lo, hi] of the finite values. */
  readonly histogram: { readonly lo: number; readonly hi: number; readonly counts: readonly number[] } | null;
  /** Always false today: statistics read every element. */
  readonly sampled: boolean;
}

/** Persisted webview state of the array viewer (`vscode.setState`): what was shown, restored when the tab comes back. */
export interface NpyViewerStateV1 {
  readonly version: 1;
  readonly member: string | null;
  /** The index text, e.g. `[3, :, ::2]`. */
  readonly expr: string;
  readonly rowAxis: number | null;
  readonly colAxis: number | null;
  readonly index: readonly number[];
  readonly heat: boolean;
}

/** What the viewer shows first, answering `ready`. */
export type NpyInit =
  | { readonly kind: 'npy'; readonly file: string; readonly array: NpyArrayInfo }
  | { readonly kind: 'npz'; readonly file: string; readonly members: readonly NpzMemberEntry[] }
  /** The file could not be opened: the reader's message. */
  | { readonly kind: 'error'; readonly file: string; readonly error: string };

/** Viewer requests, each bound to its result type; a failed request is answered with an error. */
export interface NpyRequests {
  /** Open an `.npz` member (by name) and give its header facts. */
  readonly openMember: { readonly params: { readonly member: string }; readonly result: NpyArrayInfo };
  /** Read a page of the array (or `.npz` member) through `view` (a layout over its data bytes); texts only if `withText`. */
  readonly page: {
    readonly params: { readonly member: string | null; readonly view: ViewLayout; readonly spec: PageSpec; readonly withText: boolean; readonly fields?: boolean };
    readonly result: NpyPageData;
  };
}
export type NpyMethod = keyof NpyRequests;

/** A strided view over an array's data bytes. */
export type ViewLayout = Layout;


/** A request message of the viewer, one variant per method. */
export type NpyRequest = { readonly [M in NpyMethod]: { readonly type: 'npyRequest'; readonly id: number; readonly method: M; readonly params: NpyRequests[M]['params'] } }[NpyMethod];

/** The answer to an `npyRequest` with the same id. */
export type NpyResponse =
  | { readonly type: 'npyResponse'; readonly id: number; readonly ok: true; readonly result: NpyRequests[NpyMethod]['result'] }
  | { readonly type: 'npyResponse'; readonly id: number; readonly ok: false; readonly error: string };

/** Host → calculator webview. */
export type CalculatorToWebview =
  /** Answer to `ready`: what to show first (a preset name, or restored inputs). */
  | { readonly type: 'init'; readonly preset?: string; readonly inputs?: CalculatorInputs };

/** Host → array viewer webview. */
export type NpyToWebview =
  /** Answer to `ready`: the file's header facts or member list, or why it cannot be opened. */
  | { readonly type: 'npyInit'; readonly init: NpyInit }
  | NpyResponse
  /** Statistics job `id` has read `done` of `total` elements. */
  | { readonly type: 'npyStatsProgress'; readonly id: number; readonly done: number; readonly total: number }
  /** Statistics job `id` finished. */
  | { readonly type: 'npyStatsDone'; readonly id: number; readonly stats: NpyStatsData }
  /** Statistics job `id` failed or was cancelled. */
  | { readonly type: 'npyStatsFailed'; readonly id: number; readonly error: string; readonly cancelled: boolean };

/** Host → benchmark results panel. */
export type BenchToWebview =
  /** The whole state: the last finished run (or the one in progress), the run it is compared with, and progress while running. */
  | { readonly type: 'benchState'; readonly run: BenchRun | null; readonly previous: BenchRun | null; readonly running: BenchProgress | null }
  /** One more result of the run in progress. */
  | { readonly type: 'benchResult'; readonly result: BenchResult }
  | { readonly type: 'benchProgress'; readonly running: BenchProgress };

export interface BenchProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export type HostToWebview = CalculatorToWebview | NpyToWebview | BenchToWebview;

/** Whether a host message is for the benchmark panel (the other apps ignore these). */
export function isBenchMessage(m: HostToWebview): m is BenchToWebview {
  return m.type === 'benchState' || m.type === 'benchResult' || m.type === 'benchProgress';
}

/** Messages every webview sends. */
export type CommonFromWebview =
  /** The webview has loaded and listens for messages. */
  | { readonly type: 'ready' }
  /** Something failed in the webview; log it where the user can see it. */
  | { readonly type: 'error'; readonly message: string };

/** Calculator webview → host. */
export type CalculatorToHost =
  | CommonFromWebview
  /** Copy text (a NumPy snippet) to the clipboard. */
  | { readonly type: 'copy'; readonly text: string }
  /** Open the snippet in a new untitled Python editor. */
  | { readonly type: 'openSnippet'; readonly text: string };

/** Array viewer webview → host. */
export type NpyToHost =
  | CommonFromWebview
  | NpyRequest
  /** Start statistics job `id` over the whole array (or `.npz` member). */
  | { readonly type: 'npyStats'; readonly id: number; readonly member: string | null }
  /** Cancel statistics job `id`. */
  | { readonly type: 'npyStatsCancel'; readonly id: number }
  /** Open the Layout Playground on a view of the file's data. */
  | { readonly type: 'npyOpenPlayground'; readonly inputs: CalculatorInputs };

/** Benchmark results panel → host. */
export type BenchToHost =
  | CommonFromWebview
  | { readonly type: 'benchExport'; readonly format: 'json' | 'csv' }
  | { readonly type: 'benchRun' }
  | { readonly type: 'benchCancel' };

export type WebviewToHost = CalculatorToHost | NpyToHost | BenchToHost;

// ---- notebook renderer → extension host (renderer messaging, `stride-lens.layout`) ------------

/** An array output's *Open in panel* / *Save as .npy*: the array as a `.npy` file, base64. */
export interface RendererArrayMessage {
  readonly type: 'openArray' | 'saveArray';
  /** The output's name (`show(x, name=…)`), for the file name; `null` when it has none. */
  readonly name: string | null;
  readonly npyBase64: string;
}

export function isRendererArrayMessage(m: unknown): m is RendererArrayMessage {
  const o = m as Partial<RendererArrayMessage> | null;
  return typeof o === 'object' && o !== null && (o.type === 'openArray' || o.type === 'saveArray')
    && (o.name === null || typeof o.name === 'string') && typeof o.npyBase64 === 'string';
}
