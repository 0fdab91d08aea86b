#!/usr/bin/env bash
# `npm start`: VS Code opened on examples/ with the extension loaded.
#   - With a desktop `code` command: builds and opens a window with --extensionDevelopmentPath.
#   - Without one: installs code-server into .tools/ (once, a few minutes), packages and
#     installs the .vsix into a profile under .tools/, and serves VS Code on 127.0.0.1
#     ($PORT, default 8080) in the foreground until Ctrl-C. Open the printed URL.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

say() { echo "start: $*" >&2; }

ensure_node_deps

if [ "${STRIDE_LENS_USE_CODE_SERVER:-}" != "1" ] && command -v code >/dev/null; then
  npm run --silent build
  say "opening VS Code on examples/ with the extension from $root"
  exec code --new-window --extensionDevelopmentPath="$root" "$root/examples"
fi

port="${PORT:-8080}"
tools="$root/.tools"
profile="$tools/profile"
config="$tools/code-server-config.yaml"

bash scripts/setup-test-deps.sh build
code_server="$(bash scripts/setup-code-server.sh | tail -n 1)"
npm run --silent package
mkdir -p "$profile/user-data/User" "$profile/extensions"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$config"
settings="$profile/user-data/User/settings.json"
[ -f "$settings" ] || cat > "$settings" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "git.openRepositoryInParentFolders": "never"
}
JSON
common=(--config "$config" --user-data-dir "$profile/user-data" --extensions-dir "$profile/extensions")
"$code_server" "${common[@]}" --force --install-extension "$root/dist/stride-lens.vsix" >&2

url="http://127.0.0.1:$port/?folder=$root/examples"
say "VS Code (code-server) with Stride Lens on examples/ — open:"
echo
echo "    $url"
echo
say "Ctrl-C stops it. Rebuild and restart after changing the extension."
exec "$code_server" "${common[@]}" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$root/examples"
