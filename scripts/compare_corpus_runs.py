"""Whether the analysis corpus (or the random programs) ran to the same views under two NumPy versions.

The unit tests check the Python analysis against test/fixtures/generated/analysis_corpus.json,
written by scripts/fixtures/analysis_corpus.py under Debian's NumPy 1.24. Most users run
NumPy 2.x: this compares that file with a run of the same script under NumPy 2 (every stride
call's line, call site, shape, strides, byte reach, buffer size, and every error's type), so
the analysis's verdicts hold there too. Snippets one run skipped (no torch) are left out.
The random programs of scripts/fixtures/analysis_random.py (key `programs`) compare the same way.

Usage: compare_corpus_runs.py A.json B.json   -> exit 1 and the differences when they differ
"""
import json
import sys


def calls(entry):
    out = []
    for r in entry.get('calls', []):
        r = dict(r)
        if 'error' in r:  # the message wording may change between versions; the type must not
            r['error'] = r['error'].split(':')[0]
        out.append(r)
    return out


def main(a_path, b_path):
    with open(a_path, encoding='utf-8') as f:
        a = json.load(f)
    with open(b_path, encoding='utf-8') as f:
        b = json.load(f)
    key = 'snippets' if 'snippets' in a else 'programs'
    diffs, compared = [], 0
    for name, ea in sorted(a[key].items()):
        eb = b[key].get(name)
        if eb is None:
            diffs.append(f'{name}: missing from {b_path}')
            continue
        if ea.get('skipped') or eb.get('skipped'):
            continue
        compared += 1
        if calls(ea) != calls(eb):
            diffs.append(f'{name}: {calls(ea)} != {calls(eb)}')
    what = 'corpus' if key == 'snippets' else 'random programs'
    print(f'{what}: {compared} {key} ran to the same views under NumPy {a["numpy"]} and {b["numpy"]}'
          if not diffs else '\n'.join(diffs))
    return 1 if diffs else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: compare_corpus_runs.py A.json B.json')
    sys.exit(main(sys.argv[1], sys.argv[2]))
