import * as vscode from 'vscode';

/** Run `fn`, and on failure log it and tell the user (VS Code shows nothing by itself). */
export async function reportFailure<T>(log: vscode.LogOutputChannel, what: string, fn: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(`${what} failed: ${err instanceof Error ? err.stack ?? message : message}`);
    void vscode.window.showErrorMessage(`Stride Lens: ${what} failed: ${message}`, 'Show Log').then((choice) => {
      if (choice) log.show();
    });
    return undefined;
  }
}
