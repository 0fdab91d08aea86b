// The same checks in desktop VS Code (Electron) through @vscode/test-electron. It downloads
// VS Code from Microsoft unless VSCODE_EXECUTABLE names an installed `code` binary, so it
// cannot run on machines without that network (the code-server suite, test/e2e, runs there).
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron
import { dirname, join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
const profile = mkdtempSync(join(tmpdir(), 'stride-lens-electron-'));

console.log(vscodeExecutablePath
  ? `electron: using VS Code at ${vscodeExecutablePath}`
  : 'electron: VSCODE_EXECUTABLE not set; downloading VS Code (needs update.code.visualstudio.com)');
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test', 'electron', 'suite.cjs'),
    launchArgs: [
      join(root, 'examples'),
      '--disable-extensions', // other extensions only; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${join(profile, 'user-data')}`,
      `--extensions-dir=${join(profile, 'extensions')}`,
    ],
  });
  console.log('electron: 1 passed, 0 failed');
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`electron: ${message}`);
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED/.test(message)) {
    console.error('electron: VS Code could not be downloaded here; set VSCODE_EXECUTABLE to an installed VS Code, '
      + 'or run the code-server suite instead: npm run test:e2e');
  }
  console.log('electron: 0 passed, 1 failed');
  process.exit(1);
}
