/**
 * A Python reference process for the benchmarks, spoken to line by line: the benchmark
 * writes a request line and the script answers with one line. Keeping the reference in one
 * process lets a benchmark interleave its rounds with ours, so that the load of a shared
 * machine falls on both sides alike. The interpreter is the one `scripts/find-python.mjs` picks
 * (the one with NumPy: Debian's packages install for /usr/bin/python3, not always first on
 * PATH).
 */
import { spawn } from 'node:child_process';
import { findPython } from '../scripts/find-python.mjs';

export interface PythonServer {
  /** The script's first line, written once it has started (a version, say). */
  readonly hello: Promise<string>;
  /** Send one request line, resolve with the answer line; rejects if the process ends first. */
  request(line: string): Promise<string>;
  stop(): void;
}

/** Start `python args…` (a script and its arguments, or `-c` and code), or return undefined (with the reason on stderr) when no Python with NumPy exists. */
export function startPython(args: readonly string[]): PythonServer | undefined {
  const python = findPython();
  if (!python) {
    console.error('No Python with NumPy found (tried $STRIDE_LENS_PYTHON, /usr/bin/python3, python3): install python3-numpy (bash scripts/setup-test-deps.sh).');
    return undefined;
  }
  const child = spawn(python, [...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  let buf = '';
  let ended: Error | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      waiting.shift()?.resolve(line);
    }
  });
  child.on('close', (code) => {
    ended = new Error(`python ${args[0] ?? ''} ended (exit ${String(code)})`);
    for (const w of waiting.splice(0)) w.reject(ended);
  });
  const next = () => new Promise<string>((resolve, reject) => (ended ? reject(ended) : waiting.push({ resolve, reject })));
  const hello = next();
  return {
    hello,
    request: (line) => {
      const answer = next();
      child.stdin.write(`${line}\n`);
      return answer;
    },
    stop: () => { child.stdin.end(); },
  };
}
