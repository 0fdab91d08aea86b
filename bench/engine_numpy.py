"""NumPy's side of bench/engine.ts: the same questions asked from Python, timed with timeit.

Reads a JSON file of groups (views and pairs of views on one buffer, offsets in bytes). Prints
one JSON line with NumPy's version and answers, then answers each `time` line on stdin with
one JSON line: per group, seconds per call of each operation (best of 2 timeit repeats).
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
    return min(t.repeat(repeat=2, number=n)) / n / calls


class Group:
    def __init__(self, g, buf, addr, nbytes):
        def start(l):
            return np.ndarray((1,), dtype=f'V{l["itemsize"]}', buffer=buf, offset=l['offset'])
        self.xs = [(start(l), tuple(l['shape']), tuple(l['strides'])) for l in g['views']]
        self.made = [as_strided(x, s, st) for x, s, st in self.xs]
        self.pairs = [(self.made[i], self.made[j]) for i, j in g['pairs']]
        self.mw = -1 if g['maxWork'] == 'exact' else g['maxWork']
        self.shares_mw = None if self.mw == -1 else self.mw
        self.addr = addr
        self.nbytes = nbytes

    def layout_all(self):
        addr, nbytes = self.addr, self.nbytes
        for x, s, st in self.xs:
            v = as_strided(x, s, st)
            lo, hi = np.byte_bounds(v)
            _ = (lo >= addr and hi <= addr + nbytes, v.flags.c_contiguous, v.flags.f_contiguous)

    def self_all(self):
        mw = self.mw
        for v in self.made:
            verdict(lambda: internal_overlap(v, max_work=mw))

    def shares_all(self):
        mw = self.shares_mw
        for a, b in self.pairs:
            verdict(lambda: np.shares_memory(a, b, max_work=mw))

    def answers(self):
        out = []
        for v in self.made:
            lo, hi = np.byte_bounds(v) if v.size else (self.addr, self.addr)
            out.append({'extent': [lo - self.addr, hi - self.addr] if v.size else None,
                        'c': bool(v.flags.c_contiguous), 'f': bool(v.flags.f_contiguous),
                        'self': verdict(lambda: internal_overlap(v, max_work=self.mw))})
        shares = [verdict(lambda: np.shares_memory(a, b, max_work=self.shares_mw)) for a, b in self.pairs]
        return {'answers': out, 'sharesAnswers': shares}

    def times(self):
        return {'layout': per_call(self.layout_all, len(self.xs)),
                'self': per_call(self.self_all, len(self.made)),
                'shares': per_call(self.shares_all, len(self.pairs))}


def main():
    spec = json.load(open(sys.argv[1]))
    buf = np.zeros(spec['nbytes'], dtype=np.uint8)
    addr = buf.__array_interface__['data'][0]
    groups = [Group(g, buf, addr, spec['nbytes']) for g in spec['groups']]
    print(json.dumps({'numpy': np.__version__, 'groups': [g.answers() for g in groups]}), flush=True)
    for line in sys.stdin:
        if line.strip() == 'time':
            print(json.dumps([g.times() for g in groups]), flush=True)


if __name__ == '__main__':
    main()
