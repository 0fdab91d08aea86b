import * as vscode from 'vscode';
import type { CalculatorInputs, CalculatorToHost, CalculatorToWebview } from '../protocol';
import { PRESETS } from '../engine/calculator';
import { webviewHtml, webviewOptions } from './webviewHtml';

const VIEW_TYPE = 'strideLens.layoutCalculator';

/**
 * The Layout Playground panel. The webview computes with the engine itself (no round trip
 * per keystroke); the host only opens the panel, answers `ready` and does the clipboard
 * and editor work the webview cannot.
 */
export class CalculatorPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private start: string | CalculatorInputs | undefined,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'calculator', 'Layout Playground');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: CalculatorToHost) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Open a playground panel, optionally on a preset (`im2col`, `maxpool`, …) or on given inputs. */
  static open(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, start?: string | CalculatorInputs): CalculatorPanel {
    if (typeof start === 'string' && !PRESETS.some((p) => p.name === start)) {
      throw new Error(`unknown preset '${start}' (known: ${PRESETS.map((p) => p.name).join(', ')})`);
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Layout Playground', vscode.ViewColumn.Active, { retainContextWhenHidden: false });
    return new CalculatorPanel(panel, extensionUri, log, start);
  }

  private post(message: CalculatorToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(m: CalculatorToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post({ type: 'init', ...(typeof this.start === 'string' ? { preset: this.start } : this.start ? { inputs: this.start } : {}) });
        this.start = undefined; // a reload restores the webview's own persisted state
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        void vscode.window.showInformationMessage('Stride Lens: snippet copied.');
        return;
      case 'openSnippet': {
        const doc = await vscode.workspace.openTextDocument({ language: 'python', content: m.text });
        await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
        return;
      }
      case 'error':
        this.log.error(`layout playground webview: ${m.message}`);
        return;
      default: {
        const never: never = m;
        this.log.warn(`layout playground: unknown message ${JSON.stringify(never)}`);
      }
    }
  }

  dispose(): void {
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
