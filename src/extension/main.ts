/**
 * Extension entry point: creates the log channel, registers every command and provider,
 * and reports failures where the user sees them. Everything registered is disposed with
 * the extension (context.subscriptions); no module-level mutable state.
 */
import * as vscode from 'vscode';
import { PRESETS } from '../engine/calculator';
import { BenchCommands, isBenchArgs } from './bench/runCommand';
import { CalculatorPanel } from './calculatorPanel';
import { Commands } from './commands';
import { reportFailure } from './log';
import { registerNotebookArrays } from './notebookArrays';
import { enableInNotebook } from './notebookHelper';
import { installHelper } from './installHelper';
import { registerPythonHints } from './python/register';
import { isCalculatorInputs } from './python/providers';
import { inspectArray } from './npy/inspectCommand';
import { NpyEditorProvider } from './npy/npyEditor';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Stride Lens', { log: true });
  context.subscriptions.push(log);
  try {
    const command = (id: string, what: string, fn: (...args: unknown[]) => unknown) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => reportFailure(log, what, () => fn(...args)));

    const bench = new BenchCommands(context, log);
    context.subscriptions.push(
      command(Commands.layoutCalculator, 'Layout Playground', (preset?: unknown) => {
        // A panel disposes its own subscriptions when closed; VS Code closes it on shutdown.
        CalculatorPanel.open(context.extensionUri, log, typeof preset === 'string' ? preset : undefined);
      }),
      command(Commands.showLog, 'Show Log', () => log.show()),
      command(Commands.showCallLayout, 'Show stride diagram', (inputs?: unknown) => {
        if (!isCalculatorInputs(inputs)) throw new Error('no view to show');
        CalculatorPanel.open(context.extensionUri, log, inputs);
      }),
      NpyEditorProvider.register(context.extensionUri, log),
      command(Commands.inspectArray, 'Inspect .npy/.npz', (uri?: unknown) => inspectArray(uri)),
      bench,
      command(Commands.runBenchmarks, 'Run Kernel Benchmarks', (args?: unknown) => bench.runBenchmarks(isBenchArgs(args) ? args : undefined)),
      command(Commands.benchmarkView, 'Benchmark this view', (request?: unknown) => bench.benchmarkView(request)),
      command(Commands.enableInNotebook, 'Enable in Notebook', () => enableInNotebook(context.extensionUri)),
      command(Commands.installHelper, 'Install the notebook helper', () => installHelper(context.extensionUri, log)),
      registerNotebookArrays(context, log),
    );
    registerPythonHints(context, log);
    log.info(`activated (${PRESETS.length} calculator presets)`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(`activation failed: ${err instanceof Error ? err.stack ?? message : message}`);
    void vscode.window.showErrorMessage(`Stride Lens failed to start: ${message}`);
    throw err;
  }
}

export function deactivate(): void {}
