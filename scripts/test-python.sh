#!/usr/bin/env bash
# The notebook helper's tests (python/tests) under each Python users run it with: Debian's
# (NumPy 1.24, torch 1.13) and the NumPy 2.x venv (scripts/setup-numpy2-venv.sh; NumPy 2.4,
# torch 2.x), and the analysis corpus and random programs run under NumPy 2 compared with the
# unit tests' NumPy 1.24 fixtures. Last line: `python: N passed, M failed`; exit non-zero when any failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
passed=0; failed=0; rc=0
for py in /usr/bin/python3 "$root/.tools/venv-np2/bin/python"; do
  if [ ! -x "$py" ]; then echo "test-python: $py is missing (bash scripts/setup-test-deps.sh; bash scripts/setup-numpy2-venv.sh)"; failed=$((failed + 1)); rc=1; continue; fi
  echo "==> $("$py" -c 'import sys, numpy; print(f"python {sys.version.split()[0]}, numpy {numpy.__version__}")')"
  out="$("$py" -m pytest -q -p no:cacheprovider "$root/python/tests" 2>&1)" || rc=1
  echo "$out" | tail -n 15
  p="$(echo "$out" | grep -oE '[0-9]+ passed' | tail -1 | cut -d' ' -f1)"
  f="$(echo "$out" | grep -oE '[0-9]+ (failed|error)' | awk '{s+=$1} END {print s+0}')"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# The analysis corpus (test/analysis-corpus) and the random programs of the differential test
# run to the same views under NumPy 2 as under the NumPy 1.24 the unit tests' fixtures were made with.
np2="$root/.tools/venv-np2/bin/python"
for run in analysis_corpus analysis_random; do
  base="$root/test/fixtures/generated/$run.json"
  if [ -x "$np2" ] && [ -f "$base" ]; then
    tmp="$(mktemp -d)"
    if "$np2" "$root/scripts/fixtures/$run.py" "$tmp" >/dev/null && "$np2" "$root/scripts/compare_corpus_runs.py" "$base" "$tmp/$run.json"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); rc=1
    fi
    rm -rf "$tmp"
  else
    echo "test-python: the $run comparison needs $np2 and $base (npm run fixtures)"; failed=$((failed + 1)); rc=1
  fi
done
echo "python: $passed passed, $failed failed"
exit "$rc"
