// The pure-layer fence: the compiler (tsconfig.pure.json) rejects node modules and the DOM,
// the linter rejects `vscode` (an explicit import would still find @types/vscode). Prove
// both: each fixture commits one violation and must be rejected, while the real pure layers
// compile cleanly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const scratch = mkdtempSync(join(tmpdir(), 'stride-lens-boundary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function compilePure(files: string[]): { ok: boolean; output: string } {
  const config = join(scratch, `tsconfig.${files.length ? 'one' : 'all'}.json`);
  const base = join(root, 'tsconfig.pure.json');
  writeFileSync(config, JSON.stringify(files.length ? { extends: base, include: [], files } : { extends: base, include: ['src/engine', 'src/npy', 'src/analysis', 'src/protocol.ts'].map((p) => join(root, p)) }));
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (e) {
    return { ok: false, output: String((e as { stdout?: string }).stdout ?? e) };
  }
}

describe('pure layers cannot reach vscode, node or the DOM', () => {
  it.each(['src/engine/x.ts', 'src/npy/x.ts', 'src/analysis/x.ts', 'src/cli/x.ts', 'webview/app/x.tsx'])('lint rejects importing vscode in %s', async (filePath) => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const v = vscode.version;\n", { filePath: join(root, filePath) });
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it('lint allows vscode in src/extension', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const v = vscode.version;\n", { filePath: join(root, 'src/extension/x.ts') });
    expect(result!.messages).toEqual([]);
  });

  it.each([
    ['imports-node.ts', /Cannot find module 'node:fs'|Cannot find name|node:fs/],
    ['uses-dom.ts', /Cannot find name 'document'/],
  ])('%s fails to compile', (file, message) => {
    const r = compilePure([join(root, 'test', 'unit', 'boundary-fixtures', file)]);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(message);
  });

  it('the real pure layers compile', () => {
    const r = compilePure([]);
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });
});
