"""Writes examples/arrays.ipynb with its outputs produced by a real Jupyter kernel running
`%load_ext stride_lens`: every array output carries the array payload the renderer draws.

The test editor runs no kernel, so the notebook is executed here (python3-ipykernel,
python3-nbclient) and saved with its outputs; the e2e suite checks that Stride Lens renders
them. Run: node scripts/python.mjs scripts/make_arrays_notebook.py [OUT.ipynb]
"""
import os
import sys

import nbformat
from nbclient import NotebookClient

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "examples", "arrays.ipynb")

code = nbformat.v4.new_code_cell
cells = [
    nbformat.v4.new_markdown_cell(
        "# Arrays in outputs\n"
        "With `%load_ext stride_lens` (or *Stride Lens: Enable in Notebook*), every NumPy array and torch tensor "
        "output shows its values, a picture when it is an image, and its layout over its buffer."
    ),
    code(
        "import sys, pathlib\n"
        "sys.path.insert(0, str(pathlib.Path.cwd().parent / 'python'))  # the Stride Lens helper, from this repo\n"
        "import numpy as np\n"
        "from numpy.lib.stride_tricks import as_strided, sliding_window_view\n"
        "%load_ext stride_lens"
    ),
    code(
        "# A (480, 640, 3) uint8 picture: colour gradients, a disc and a square\n"
        "y, x = np.mgrid[0:480, 0:640]\n"
        "photo = np.empty((480, 640, 3), dtype=np.uint8)\n"
        "photo[..., 0] = x * 255 // 639\n"
        "photo[..., 1] = y * 255 // 479\n"
        "photo[..., 2] = 96\n"
        "photo[(y - 220) ** 2 + (x - 420) ** 2 < 110 ** 2] = (250, 230, 40)\n"
        "photo[300:420, 80:200] = (30, 60, 200)\n"
        "photo"
    ),
    code(
        "# im2col: every 3x3 window of a 28x28 image, without a copy\n"
        "image = np.arange(28 * 28, dtype=np.float32).reshape(28, 28) / (28 * 28)\n"
        "s = image.strides\n"
        "patches = as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]))\n"
        "patches"
    ),
    code("signal = np.sin(np.linspace(0, 20, 2000))\nsignal"),
    code("big = np.random.default_rng(0).standard_normal((1000, 1000)).astype(np.float32)\nbig"),
    code("thumb = photo[::8, ::8].copy()\nthumb.transpose(2, 0, 1)  # channels first: a view, nothing copied"),
    code(
        "np.array([(1, 2.5, (3, 4)), (5, -1.0, (6, 7))],\n"
        "         dtype=[('id', 'i4'), ('score', 'f8'), ('pos', [('x', 'i2'), ('y', 'i2')])])"
    ),
    code(
        "# The classic mistake: 100x100 windows over a 28x28 image (building the view reads nothing yet)\n"
        "too_many = as_strided(image, shape=(100, 100, 3, 3), strides=(s[0], s[1], s[0], s[1]))\n"
        "too_many"
    ),
    code(
        "try:\n"
        "    import torch\n"
        "    t = torch.arange(24, dtype=torch.float32).reshape(4, 6)[1:, ::2]  # storage offset 6, strides (6, 2)\n"
        "except ImportError:\n"
        "    t = None\n"
        "t"
    ),
    code("np.array(0.1)"),
]
nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": os.path.dirname(os.path.abspath(out))}}).execute()
mime = "application/vnd.stride-lens.array.v1+json"
for i, cell in enumerate(nb.cells):  # keep the file stable between runs
    cell.id = f"cell-{i}"
    if cell.cell_type == "code":
        cell.metadata = {}
        for o in cell.outputs:
            if o.get("output_type") == "error":
                raise SystemExit(f"cell {i} failed: {o.get('ename')}: {o.get('evalue')}")
missing = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and i > 1 and not any(mime in o.get("data", {}) for o in c.outputs)]
if missing:
    raise SystemExit(f"cells {missing} have no array output")
nbformat.write(nb, out)
print(f"wrote {out} ({os.path.getsize(out)} bytes)")
