/**
 * Headers of the `.npy` files named in `np.load('…')`, for the analysis (which asks
 * synchronously). A miss starts a background read; when it lands, `onDidLoad` fires and the
 * documents are analysed again with the header known.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NpyHeader } from '../../analysis';
import { readNpyHeader } from '../../npy/format';
import { openFileSource } from '../../node/fileSource';

export class NpyHeaderCache implements vscode.Disposable {
  private readonly headers = new Map<string, NpyHeader | null>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidLoad = this.changed.event;

  /** The header of `file` (resolved against `fromDir`), or `undefined` while unknown or unreadable. */
  get(file: string, fromDir: string | undefined): NpyHeader | undefined {
    if (!fromDir && !path.isAbsolute(file)) return undefined;
    const full = path.resolve(fromDir ?? '/', file);
    const known = this.headers.get(full);
    if (known !== undefined) return known ?? undefined;
    this.headers.set(full, null);
    void this.load(full);
    return undefined;
  }

  private async load(full: string): Promise<void> {
    let src: ReturnType<typeof openFileSource> | undefined;
    try {
      src = openFileSource(full);
      const h = await readNpyHeader(src, { name: path.basename(full) });
      if (!h.ok) return;
      const { shape, dtype, fortranOrder } = h.value;
      this.headers.set(full, { shape: [...shape], dtype: dtype.str, itemsize: dtype.itemsize, fortranOrder });
      this.changed.fire();
    } catch {
      // Missing or unreadable: the analysis treats the array as unknown.
    } finally {
      src?.close();
    }
  }

  /** Forget a file (it changed on disk). */
  invalidate(file: string): void {
    if (this.headers.delete(file)) this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
