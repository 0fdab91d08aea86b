"""array_bundle: the values decoded from each payload are the array's, for the layouts users
make (windows, transposes, negative strides, broadcasts, Fortran order, big-endian, complex,
bool, datetime, 0-d, empty, NaN/inf), views that run past their buffer report it and carry
only in-bounds bytes, and torch tensors are described in elements. Runs under Debian's
NumPy 1.24 / torch 1.13 and NumPy 2.x / torch 2.x (scripts/test-python.sh)."""
import base64
import os
import sys

import numpy as np
import pytest
from numpy.lib.stride_tricks import as_strided, sliding_window_view

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import stride_lens  # noqa: E402

MIME = stride_lens.ARRAY_MIME_TYPE


def payload(x, **kw):
    b = stride_lens.array_bundle(x, **kw)
    if b[MIME]["inBounds"]:
        assert b["text/plain"] == repr(x)
    return b[MIME]


def decode(p, dtype):
    raw = base64.b64decode(p["data"]["base64"])
    step = 1 if p["unit"] == "bytes" else p["itemsize"]
    strides = [s * step for s in p["strides"]]
    offset = p["offset"] * step - p["data"]["start"]
    return np.ndarray(tuple(p["shape"]), dtype=dtype, buffer=raw, offset=offset, strides=strides)


img = np.arange(28 * 28, dtype=np.float32).reshape(28, 28)
s0, s1 = img.strides
CASES = {
    "im2col": as_strided(img, (26, 26, 3, 3), (s0, s1, s0, s1)),
    "sliding_window_view": sliding_window_view(img, (4, 4))[::2, ::3],
    "transpose": img.T,
    "negative": img[::-1, 20:3:-3],
    "broadcast": np.broadcast_to(img[3], (5, 28)),
    "fortran": np.asfortranarray(np.arange(24, dtype=np.int16).reshape(2, 3, 4))[:, 1:],
    "big_endian": np.arange(10, dtype=">f8")[::2],
    "complex": (np.arange(6) + 1j * np.arange(6)).reshape(2, 3).T,
    "bool": np.arange(12).reshape(3, 4) % 3 == 0,
    "datetime": np.arange("2024-01-01", "2024-01-08", dtype="datetime64[D]")[::2],
    "zero_d": img[3, 4, ...],
    "empty": img[5:5],
    "nan_inf": np.array([1.0, np.nan, np.inf, -np.inf, 2.5]),
    "structured": np.zeros(3, dtype=[("x", "<f4"), ("y", "<i2")])[::-1],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_values_decode_to_the_array(name):
    x = CASES[name]
    p = payload(x, name=name)
    assert p["version"] == 1 and p["unit"] == "bytes" and p["inBounds"] is True and p["truncated"] is False
    assert p["shape"] == list(x.shape) and p["strides"] == list(x.strides) and p["itemsize"] == x.dtype.itemsize
    assert p["name"] == name
    got = decode(p, x.dtype)
    np.testing.assert_array_equal(got, x)


def test_buffer_shape_names_the_owning_c_array_only():
    # The renderer draws patch grids over the owner's axes: only when the buffer is that array.
    assert payload(CASES["im2col"])["bufferShape"] == [28, 28]
    # NumPy collapses a view's base to the memory's owner: img.T only knows the flat arange.
    assert payload(CASES["transpose"])["bufferShape"] == [784]
    assert payload(CASES["fortran"])["bufferShape"] is None  # the owner is in Fortran order
    assert payload(img.view(np.uint8)[:, ::4])["bufferShape"] is None  # the owner has another itemsize


def test_summary_is_numpy_s():
    x = CASES["nan_inf"]
    s = payload(x)["summary"]
    assert (s["nan"], s["posinf"], s["neginf"]) == (1, 1, 1)
    assert s["min"] == 1.0 and s["max"] == 2.5 and s["mean"] == 1.75
    big = np.array([2**62, 3], dtype=np.int64)
    assert payload(big)["summary"]["max"] == str(2**62)  # exact, as a string past 2^53


def test_a_view_past_its_buffer_is_reported_and_only_in_bounds_bytes_are_read():
    x = np.arange(10, dtype=np.float64)
    bad = as_strided(x, (12,), (8,))  # 16 bytes past the end
    p = payload(bad)
    assert p["inBounds"] is False and p["bufferBytes"] == 80
    assert p["data"]["start"] == 0 and len(base64.b64decode(p["data"]["base64"])) == 80
    assert p["summary"] is None
    # its repr would read the 16 bytes past the end, so the text says which bytes it reaches
    assert p["repr"] == "<ndarray shape=(12,) strides=(8,): reads bytes [0, 96) of a 80-byte buffer; values outside it are not shown>"


def test_the_cap_keeps_the_layout_and_drops_the_bytes():
    x = np.zeros((1000, 1000), dtype=np.float32)
    p = payload(x, max_bytes=1 << 20)
    assert p["truncated"] is True and p["data"] is None and p["shape"] == [1000, 1000]
    assert p["summary"]["max"] == 0.0


def test_over_the_cap_a_strided_sample_that_fits():
    x = np.arange(1000 * 1200, dtype=np.float32).reshape(1000, 1200)[:, ::-1]
    p = payload(x, max_bytes=1 << 16)
    sample = p["sample"]
    assert p["data"] is None and sample["step"] >= 2
    got = np.frombuffer(base64.b64decode(sample["base64"]), dtype=x.dtype).reshape(sample["shape"])
    np.testing.assert_array_equal(got, x[::sample["step"], ::sample["step"]])
    assert got.nbytes <= 1 << 16
    # the finest step that fits: one less would not
    s = sample["step"] - 1
    assert -(-1000 // s) * -(-1200 // s) * 4 > 1 << 16
    # a view past its buffer gets no sample (reading it would read past the buffer)
    bad = as_strided(np.zeros(10), (100000,), (8,))
    assert payload(bad, max_bytes=64)["sample"] is None


def test_torch_views_in_elements_with_a_storage_offset():
    torch = pytest.importorskip("torch")
    t = torch.arange(100, dtype=torch.float64)
    v = torch.as_strided(t, (10, 3), (9, 2), 5)
    p = payload(v)
    assert (p["unit"], p["offset"], p["strides"], p["itemsize"], p["bufferBytes"]) == ("elements", 5, [9, 2], 8, 800)
    np.testing.assert_array_equal(decode(p, np.float64), v.numpy())
    b = payload(torch.zeros(4, dtype=torch.bfloat16))
    assert b["dtype"] is None and "bfloat16" in b["dtypeNote"]


def test_load_ext_registers_the_bundle_for_every_array_output():
    ip = pytest.importorskip("IPython.core.interactiveshell").InteractiveShell.instance()
    stride_lens.load_ipython_extension(ip)
    data, _ = ip.display_formatter.format(img[:2, :3])
    assert MIME in data and data[MIME]["shape"] == [2, 3]
