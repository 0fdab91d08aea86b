// Starting and stopping code-server (a real VS Code workbench) for the e2e run.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The code-server wrapper scripts/setup-code-server.sh installs, installing it when missing. */
export function ensureCodeServer(root) {
  const wrapper = join(root, '.tools', 'bin', 'code-server');
  const r = spawnSync('bash', [join(root, 'scripts', 'setup-code-server.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(wrapper)) {
    throw new Error('code-server is not installed and scripts/setup-code-server.sh failed (see above); '
      + 'it needs the Debian build packages: bash scripts/setup-test-deps.sh');
  }
  return wrapper;
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh profile in `dir`: user data with quiet settings, an extensions folder, a config file. */
export function makeProfile(dir) {
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  const config = join(dir, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(config, 'auth: none\ncert: false\n');
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
  return { userDataDir, extensionsDir, config };
}

const commonArgs = (p) => [
  '--config', p.config, '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir,
  '--disable-telemetry', '--disable-update-check',
];

/** `code-server --install-extension <vsix>` into the profile; throws with its output on failure. */
export function installExtension(bin, profile, vsix) {
  const r = spawnSync(bin, [...commonArgs(profile), '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  }
  return out.trim();
}

/** Start code-server on 127.0.0.1:port in its own process group; resolves once /healthz answers. */
export async function startCodeServer(bin, profile, { port, workspace, logFile, timeoutMs = 60_000 }) {
  const args = [
    ...commonArgs(profile), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-workspace-trust', '--disable-getting-started-override', workspace,
  ];
  const log = createWriteStream(logFile);
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const stop = () => stopProcessGroup(child);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid, stop };
}

/** SIGTERM the process group we started, then SIGKILL what is left after 5 s. */
async function stopProcessGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const timer = new Promise((r) => setTimeout(r, 5000, 'timeout'));
  if (await Promise.race([gone, timer]) === 'timeout') {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
