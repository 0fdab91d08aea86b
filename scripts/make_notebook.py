"""Writes examples/notebook.ipynb with its outputs produced by a real Jupyter kernel.

The test editor runs no kernel, so the notebook is executed here (python3-ipykernel,
python3-nbclient) and saved with its outputs; the e2e suite checks that Stride Lens renders
them. Run: node scripts/python.mjs scripts/make_notebook.py [OUT.ipynb]
"""
import os
import sys

import nbformat
from nbclient import NotebookClient

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "examples", "notebook.ipynb")

cells = [
    nbformat.v4.new_markdown_cell("# Strided views in a notebook\nStride Lens renders `show_layout` outputs as a layout report."),
    nbformat.v4.new_code_cell(
        "import sys, pathlib\n"
        "sys.path.insert(0, str(pathlib.Path.cwd().parent / 'python'))  # the Stride Lens helper, from this repo\n"
        "import numpy as np\n"
        "from numpy.lib.stride_tricks import as_strided\n"
        "from stride_lens import show_layout"
    ),
    nbformat.v4.new_code_cell(
        "image = np.zeros((28, 28), dtype=np.float32)\n"
        "s = image.strides\n"
        "patches = as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]))\n"
        "show_layout(patches, name='patches')"
    ),
    nbformat.v4.new_code_cell(
        "# The classic mistake: 100x100 windows over a 28x28 image (building the view reads nothing yet)\n"
        "too_many = as_strided(image, shape=(100, 100, 3, 3), strides=(s[0], s[1], s[0], s[1]))\n"
        "show_layout(too_many, name='too_many')"
    ),
]
nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": os.path.dirname(os.path.abspath(out))}}).execute()
for i, cell in enumerate(nb.cells):  # keep the file stable between runs
    cell.id = f"cell-{i}"
    if cell.cell_type == "code":
        cell.metadata = {}
nbformat.write(nb, out)
print(f"wrote {out}")
