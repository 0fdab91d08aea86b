#!/usr/bin/env bash
# Installs the Debian packages the tests need, and only those missing (checked with
# dpkg-query, so a second run takes well under a second):
#   - NumPy, PyTorch, SciPy and Jupyter for Debian's /usr/bin/python3 (fixtures, notebook outputs);
#   - python3-venv, so scripts/setup-numpy2-venv.sh can make the NumPy 2 venv from Debian's Python;
#   - Chromium and a font for the e2e run and readable screenshots, unzip to list the .vsix;
#   - the toolchain code-server compiles its native modules with (scripts/setup-code-server.sh).
# Usage: setup-test-deps.sh [python] [browser] [build]   (no argument: all three groups)
set -euo pipefail

log() { echo "setup-test-deps: $*" >&2; }

packages=()
for group in "${@:-python browser build}"; do
  for g in $group; do
    case "$g" in
      python) packages+=(python3-numpy python3-torch python3-ipykernel python3-nbclient python3-nbformat python3-venv python3-pytest python3-scipy) ;;
      browser) packages+=(chromium fonts-dejavu-core unzip) ;;
      build) packages+=(build-essential pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev) ;;
      *) log "unknown group '$g' (known: python, browser, build)"; exit 2 ;;
    esac
  done
done

if ! command -v dpkg-query >/dev/null; then
  log "no dpkg-query: this script supports Debian/Ubuntu. Install by hand: ${packages[*]}"
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  log "all ${#packages[@]} Debian packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo_cmd=(sudo)
  else
    log "not root and no sudo: as root run  apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

log "installing: ${missing[*]}"
t0=$SECONDS
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq "${missing[@]}"
log "installed ${#missing[@]} packages in $((SECONDS - t0)) s"
