"""nbstrip.py: outputs are stripped, the check mode reports them, the hook is wired."""

from __future__ import annotations

import shutil

import nbformat
from nbformat.v4 import new_output

from assad_collapse.build import nbstrip

from helpers import ROOT


def test_strip_and_check(tmp_path):
    path = tmp_path / "n.ipynb"
    shutil.copy(ROOT / "notebooks" / "01-funding-cuts.ipynb", path)
    nb = nbformat.read(path, as_version=4)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [new_output("stream", text="hello")]
    code.execution_count = 3
    nbformat.write(nb, path)
    assert nbstrip.main(["--check", str(path)]) == 1
    assert nbstrip.main([str(path)]) == 0
    clean = nbformat.read(path, as_version=4)
    assert not nbstrip.has_outputs(clean)
    assert [c.source for c in clean.cells] == [c.source for c in nb.cells]
    assert nbstrip.main(["--check", str(path)]) == 0


def test_the_hook_runs_the_stripper():
    hook = (ROOT / ".githooks" / "pre-commit").read_text()
    assert "assad_collapse.build.nbstrip" in hook
    assert (ROOT / ".githooks" / "pre-commit").stat().st_mode & 0o111
