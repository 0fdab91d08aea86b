# Shared by scripts/start.sh and scripts/test-all.sh (source it; it defines functions only).

# Install node_modules with `npm ci` unless they already match package-lock.json.
ensure_node_deps() {
  if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "node_modules matches package-lock.json"
  else
    npm ci --no-audit --no-fund
  fi
}
