/**
 * `stride-lens` — the engine on the command line. Each subcommand lives in its own module
 * and returns an exit status: 0 ok, 1 findings (check), 2 bad usage or bad input.
 */
import { runBench } from './bench';
import { runCheck } from './check';
import { runDiagram } from './diagram';
import { runInspect } from './inspect';
import { runLayout } from './layout';

type Subcommand = (args: string[]) => Promise<number> | number;

const subcommands: Record<string, { run: Subcommand; summary: string }> = {
  layout: { run: runLayout, summary: 'analyse a strided view: --itemsize 4 --shape 26,26,3,3 --strides 112,4,112,4' },
  check: { run: runCheck, summary: 'stride diagnostics for .py files and notebooks: [paths…] [--format text|json|sarif]' },
  diagram: { run: runDiagram, summary: 'which bytes a view reads, how often: the layout options + --json or --svg FILE [--patches]' },
  bench: { run: runBench, summary: 'kernel benchmarks (ours and NumPy\'s): [--suite conv2d|maxpool|transpose|window|all] [--size …] [--json]' },
  inspect: { run: runInspect, summary: 'header facts of a .npy or .npz file, without reading its data: FILE [--json]' },
};

function usage(): string {
  const lines = Object.entries(subcommands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return ['usage: stride-lens <command> [options]', '', 'commands:', ...lines, '', 'Run `stride-lens <command> --help` for its options.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const cmd = subcommands[name];
  if (!cmd) {
    console.error(`stride-lens: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return cmd.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    console.error(`stride-lens: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exitCode = 3;
  },
);
