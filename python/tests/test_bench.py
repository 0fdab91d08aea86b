"""The NumPy bridge of the kernel benchmarks (python -m stride_lens.bench): message order,
every suite's variants with what they compute, checks equal to an independent computation,
and bad requests or out-of-bounds views refused with a message, never a traceback or a read
past the buffer. Runs under Debian's NumPy 1.24 and NumPy 2.x (scripts/test-python.sh)."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

PYTHON_DIR = os.path.join(os.path.dirname(__file__), "..")
TIMING = {"budgetMs": 5, "minSamples": 2, "maxSamples": 3, "minBlockMs": 0.5}


def bridge(request):
    text = request if isinstance(request, str) else json.dumps(request)
    env = {**os.environ, "PYTHONPATH": PYTHON_DIR}
    p = subprocess.run([sys.executable, "-m", "stride_lens.bench"], input=text, capture_output=True, text=True, env=env, timeout=120)
    lines = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    assert "Traceback" not in p.stderr, p.stderr
    return p.returncode, lines


def formula(n, a=37, m=1009):
    i = np.arange(n, dtype=np.int64)
    return (((i * a) % m) / m - 0.5).astype(np.float32)


def suites(*runs, check_indices=None, loops=True):
    return {"kind": "suites", "runs": list(runs), "checkIndices": check_indices or {}, "timing": TIMING, "loops": loops}


CONV = {"suite": "conv2d", "size": "7x6x3/5", "p": {"h": 7, "w": 6, "c": 3, "kh": 3, "kw": 3, "f": 5}}
POOL = {"suite": "maxpool", "size": "2x6x4", "p": {"c": 2, "h": 6, "w": 4, "k": 2, "stride": 2}}
TRANSPOSE = {"suite": "transpose", "size": "5x3", "p": {"rows": 5, "cols": 3}}
WINDOW = {"suite": "window", "size": "50/7", "p": {"n": 50, "w": 7}}


def test_messages_come_in_order_and_every_suite_has_its_variants():
    rc, msgs = bridge(suites(CONV, POOL, TRANSPOSE, WINDOW))
    assert rc == 0
    assert msgs[0]["type"] == "machine" and msgs[-1] == {"type": "done"}
    m = msgs[0]["machine"]
    assert m["numpy"] == np.__version__ and m["threadsSource"]
    results = msgs[1:-1]
    got = {(r["suite"], r["variant"], r["computes"]) for r in results}
    assert got == {
        ("conv2d", "numpy:loops (per output pixel)", "conv"), ("conv2d", "numpy:as_strided im2col + matmul", "conv"),
        ("maxpool", "numpy:loops", "pool"), ("maxpool", "numpy:as_strided windows .max", "pool"),
        ("transpose", "numpy:np.copyto (copy)", "copy"), ("transpose", "numpy:a.T.copy()", "transpose"),
        ("transpose", "numpy:sum row by row (C order)", "sum"), ("transpose", "numpy:sum column by column (F order)", "sum"),
        ("window", "numpy:sliding_window_view(x, w).sum(-1)", "rolling-sum"), ("window", "numpy:cumsum running sum", "rolling-sum"),
        ("window", "numpy:sliding_window_view(x, w).max(-1)", "rolling-max"),
    }
    for r in results:
        assert r["note"] is None and len(r["samplesMs"]) >= 2 and all(t > 0 for t in r["samplesMs"]) and r["callsPerSample"] >= 1
        assert (r["macs"] is not None) == (r["suite"] == "conv2d") and (r["bytes"] is not None) == (r["suite"] != "conv2d")


def test_checks_report_the_output_at_the_asked_indices():
    idx = [0, 7, 44, 89]
    rc, msgs = bridge(suites(CONV, TRANSPOSE, check_indices={"conv": idx, "transpose": [0, 1, 14]}, loops=False))
    assert rc == 0
    img = formula(7 * 6 * 3).reshape(7, 6, 3).astype(np.float64)
    wt = formula(9 * 3 * 5, 53, 997).reshape(3, 3, 3, 5).astype(np.float64)
    direct = np.zeros((5, 4, 5))
    for y in range(5):
        for x in range(4):
            for f in range(5):
                direct[y, x, f] = sum(img[y + i, x + j, c] * wt[i, j, c, f] for i in range(3) for j in range(3) for c in range(3))
    conv = next(m for m in msgs if m.get("computes") == "conv")
    assert conv["check"]["count"] == direct.size
    np.testing.assert_allclose(conv["check"]["at"], direct.reshape(-1)[idx], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(conv["check"]["sum"], direct.sum(), rtol=1e-5)
    t = next(m for m in msgs if m.get("computes") == "transpose")
    a = formula(15).reshape(5, 3)
    assert t["check"]["at"] == [float(v) for v in a.T.reshape(-1)[[0, 1, 14]]]


VIEW = {"kind": "view", "dtype": "<f4", "sourceShape": [28, 28], "shape": [26, 26, 3, 3], "strides": [112, 4, 112, 4],
        "offset": 0, "windowAxes": [2, 3], "otherOrder": {"strides": [4, 112, 4, 112], "offset": 0}, "timing": TIMING}


def test_a_view_is_timed_as_it_is_and_over_the_source_in_f_order():
    rc, msgs = bridge(VIEW)
    assert rc == 0, msgs
    names = [m["variant"] for m in msgs if m["type"] == "result"]
    assert names == ["numpy:view.copy()", "numpy:view.sum(axis=(2, 3))", "numpy:contiguous copy of the same bytes",
                     "numpy:view.copy() (source in F order)", "numpy:view.sum(axis=(2, 3)) (source in F order)"]
    copy = next(m for m in msgs if m.get("variant") == "numpy:view.copy()")
    assert copy["bytes"] == 2 * 26 * 26 * 9 * 4 and copy["size"] == "26x26x3x3"


@pytest.mark.parametrize("change, message", [
    ({"shape": [27, 26, 3, 3]}, "refused, nothing read"),
    ({"strides": [112, 4, 112, -4]}, "refused, nothing read"),
    ({"offset": 2}, "not a multiple of the itemsize"),
    ({"dtype": "O"}, "not numeric"),
    ({"otherOrder": {"strides": [112, 4, 112, 4], "offset": 0}}, "not the same view"),
])
def test_views_that_cannot_be_rebuilt_safely_are_refused(change, message):
    rc, msgs = bridge({**VIEW, **change})
    errors = [m["message"] for m in msgs if m["type"] == "error"]
    assert errors and message in errors[0], msgs
    assert not [m for m in msgs if m["type"] == "result" and "F order" in m["variant"]]


@pytest.mark.parametrize("text", ["", "{", "[]", '{"kind": "fft"}', '{"kind": "suites"}'])
def test_bad_requests_get_a_message(text):
    rc, msgs = bridge(text)
    assert rc == 1
    assert msgs[-1]["type"] == "error" and msgs[-1]["message"]
