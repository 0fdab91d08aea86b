#!/usr/bin/env bash
# Creates .tools/venv-np2: a Python venv with NumPy 2.x, torch 2.x, pytest and Jupyter's kernel
# client, so that what runs in the user's Python (the notebook helper, the analysis corpus) is
# tested against NumPy 2 as well as Debian's NumPy 1.24. Most users run NumPy 2.x.
# pip installs from the package index this machine is set up with. Idempotent: a second run
# only checks the versions. Prints the venv's python as its last line.
# NUMPY2_SPEC / TORCH2_SPEC override what is installed (default: the newest 2.x of each).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/venv-np2"
numpy_spec="${NUMPY2_SPEC:-numpy>=2,<3}"
torch_spec="${TORCH2_SPEC:-torch>=2,<3}"
log() { echo "setup-numpy2-venv: $*" >&2; }

ok() {
  [ -x "$venv/bin/python" ] && "$venv/bin/python" - <<'EOF' 2>/dev/null
import numpy, torch, pytest, nbclient, ipykernel
assert numpy.__version__.startswith("2."), numpy.__version__
assert torch.__version__.startswith("2."), torch.__version__
EOF
}

if ! ok; then
  # A Python the wheels fit: the first python3 on PATH that can make a venv with pip, else
  # Debian's (which needs python3-venv for ensurepip).
  py=""
  for cand in python3 /usr/bin/python3; do
    command -v "$cand" >/dev/null || continue
    if "$cand" -c 'import venv, ensurepip' 2>/dev/null; then py="$cand"; break; fi
  done
  if [ -z "$py" ]; then
    log "no python3 with venv and ensurepip: installing Debian's python3-venv"
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y -qq python3-venv >&2 || {
      "${sudo_cmd[@]}" apt-get update -qq >&2 && "${sudo_cmd[@]}" apt-get install -y -qq python3-venv >&2; }
    py=/usr/bin/python3
  fi
  log "creating .tools/venv-np2 with $("$py" --version 2>&1)"
  rm -rf "$venv"
  mkdir -p "$root/.tools"
  "$py" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --retries 0 "$numpy_spec" "$torch_spec" pytest ipykernel nbclient nbformat >&2
  ok || { log "the venv was made but numpy 2 / torch 2 / pytest / nbclient do not import in it"; exit 1; }
fi
log "$("$venv/bin/python" -c 'import numpy, torch, sys; print(f"python {sys.version.split()[0]}, numpy {numpy.__version__}, torch {torch.__version__}")')"
echo "$venv/bin/python"
