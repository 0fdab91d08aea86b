"""NumPy's side of bench/engine.ts: the same questions asked from Python, timed with timeit.

Reads a JSON file of groups (views and pairs of views on one buffer, offsets in bytes) and
prints JSON: per group and operation, seconds per call and NumPy's answers.
  layout:  as_strided(x, shape, strides) + np.byte_bounds + .flags.c_contiguous/.f_contiguous
  self:    numpy.core._multiarray_tests.internal_overlap(v, max_work)  (NumPy's solver; no public API)
  shares:  np.shares_memory(a, b, max_work)
"""
import json
import sys
import timeit

import numpy as np
from numpy.core._multiarray_tests import internal_overlap
from numpy.lib.stride_tricks import as_strided


def verdict(fn):
    try:
        return bool(fn())
    except np.TooHardError:
        return 'too-hard'
    except (ValueError, RuntimeError) as e:
        if 'max_work' in str(e) or 'Too much work' in str(e):
            return 'too-hard'
        raise


def per_call(fn, calls):
    t = timeit.Timer(fn)
    n, _ = t.autorange()  # at least 0.2 s per measurement
    best = min(t.repeat(repeat=5, number=n))
    return best / n / calls


def main():
    groups = json.load(open(sys.argv[1]))
    buf = np.zeros(groups['nbytes'], dtype=np.uint8)
    addr = buf.__array_interface__['data'][0]
    out = []
    for g in groups['groups']:
        def start(l):
            return np.ndarray((1,), dtype=f'V{l["itemsize"]}', buffer=buf, offset=l['offset'])
        views = g['views']
        xs = [(start(l), tuple(l['shape']), tuple(l['strides'])) for l in views]
        made = [as_strided(x, s, st) for x, s, st in xs]
        mw = -1 if g['maxWork'] == 'exact' else g['maxWork']
        res = {'name': g['name']}
        if views:
            nbytes = groups['nbytes']

            def layout_all():
                for x, s, st in xs:
                    v = as_strided(x, s, st)
                    lo, hi = np.byte_bounds(v)
                    _ = (lo >= addr and hi <= addr + nbytes, v.flags.c_contiguous, v.flags.f_contiguous)

            def self_all():
                for v in made:
                    verdict(lambda: internal_overlap(v, max_work=mw))

            res['layout'] = per_call(layout_all, len(views))
            res['self'] = per_call(self_all, len(views))
            answers = []
            for v in made:
                lo, hi = np.byte_bounds(v) if v.size else (addr + 0, addr + 0)
                answers.append({'extent': [lo - addr, hi - addr] if v.size else None,
                                'c': bool(v.flags.c_contiguous), 'f': bool(v.flags.f_contiguous),
                                'self': verdict(lambda: internal_overlap(v, max_work=mw))})
            res['answers'] = answers
        pairs = [(made[i], made[j]) for i, j in g['pairs']]
        if pairs:
            def shares_all():
                for a, b in pairs:
                    verdict(lambda: np.shares_memory(a, b, max_work=None if mw == -1 else mw))
            res['shares'] = per_call(shares_all, len(pairs))
            res['sharesAnswers'] = [verdict(lambda: np.shares_memory(a, b, max_work=None if mw == -1 else mw)) for a, b in pairs]
        out.append(res)
    json.dump({'numpy': np.__version__, 'groups': out}, sys.stdout)


if __name__ == '__main__':
    main()
