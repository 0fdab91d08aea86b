#!/usr/bin/env bash
# `npm test`: installs what the tests need and runs every test, in CI order, on a fresh
# Debian machine with Node 20 and npm:
#   deps → numpy2 venv → npm ci → fixtures → typecheck → lint → unit → python → package → code-server → e2e
# Each step is labelled and timed; the first failure stops the run with a hint how to fix it.
# STRIDE_LENS_SKIP_E2E=1 skips the code-server install and the e2e run (say so in the output).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
# Plain text in logs: most tools colour their output even when it goes to a file.
[ -t 1 ] || export NO_COLOR=1

timings=()
run_start=$SECONDS

# step LABEL HINT COMMAND... — run one step, time it, stop with the hint when it fails.
step() {
  local label="$1" hint="$2"
  shift 2
  echo
  echo "==> [$label] $*"
  local t0=$SECONDS rc=0
  "$@" || rc=$?
  local dt=$((SECONDS - t0))
  timings+=("$(printf '%-12s %4d s' "$label" "$dt")")
  if [ "$rc" -ne 0 ]; then
    echo
    echo "==> [$label] FAILED (exit $rc, ${dt} s)"
    echo "    how to fix: $hint"
    summary
    exit "$rc"
  fi
  echo "==> [$label] ok (${dt} s)"
}

summary() {
  echo
  echo "==> step timings"
  printf '    %s\n' "${timings[@]}"
  echo "    total        $((SECONDS - run_start)) s"
}


# vitest, then one plain `unit: N passed, M failed` line for CI (vitest's own summary is
# printed above it unchanged).
unit_tests() {
  local json rc=0
  json="$(mktemp)"
  npx vitest run --reporter=default --reporter=json --outputFile.json="$json" || rc=$?
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests + broken} failed`
      + (broken ? ` (${broken} test files failed to load)` : ""));
  ' "$json" || echo "unit: vitest wrote no report (exit $rc)"
  rm -f "$json"
  return "$rc"
}

# Print the .vsix size and its files (CI keeps both in the log).
vsix_report() {
  local vsix=dist/stride-lens.vsix
  [ -f "$vsix" ] || { echo "$vsix was not produced"; return 1; }
  unzip -l "$vsix"
  local files
  files="$(unzip -Z1 "$vsix" | grep -c '^extension/.*[^/]$')"
  echo "vsix: $vsix $(stat -c %s "$vsix") B, $files files in extension/"
}

echo "stride-lens: npm test on $(uname -sm), node $(node -v), npm $(npm -v)"

step deps "run: sudo bash scripts/setup-test-deps.sh (needs apt-get and the Debian mirrors)" \
  bash scripts/setup-test-deps.sh
step numpy2 "bash scripts/setup-numpy2-venv.sh; pip must reach NumPy 2.x and torch 2.x wheels (PIP_FIND_LINKS or an index)" \
  bash scripts/setup-numpy2-venv.sh
step npm-ci "check access to the npm registry; then rm -rf node_modules && npm ci" \
  ensure_node_deps
step fixtures "a NumPy/PyTorch generator failed: rerun one with npm run fixtures -- <family> and read its error" \
  npm run --silent fixtures
step typecheck "npm run typecheck lists each error as file:line (three projects: pure, node, webview)" \
  npm run --silent typecheck
step lint "npm run lint; many are fixed by npx eslint --fix <file>" \
  npm run --silent lint
step unit "rerun one file with npx vitest run <path>; fixtures missing? npm run fixtures" \
  unit_tests
step python "bash scripts/test-python.sh runs python/tests under Debian's Python and the NumPy 2 venv" \
  bash scripts/test-python.sh
step package "npm run package; vsce prints why it refused (see .vscodeignore for the file list)" \
  npm run --silent package
step vsix "the .vsix listing failed: is unzip installed? (bash scripts/setup-test-deps.sh)" \
  vsix_report
if [ "${STRIDE_LENS_SKIP_E2E:-}" = "1" ]; then
  echo
  echo "==> [e2e] SKIPPED because STRIDE_LENS_SKIP_E2E=1"
else
  step code-server "bash scripts/setup-code-server.sh; it needs the build packages from scripts/setup-test-deps.sh" \
    bash scripts/setup-code-server.sh
  step e2e "screenshots, code-server.log and extension host logs are in .e2e-results/; rerun one: node test/e2e/run.mjs <name>" \
    node test/e2e/run.mjs
fi
summary
echo "npm test: all steps passed"
