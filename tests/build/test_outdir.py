"""build.outdir: a build never writes into the project's inputs or into a folder of someone else's files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assad_collapse.build.outdir import UnsafeReportsDir, check, protected

from build_helpers import Tiny, run_cli, snapshot
from helpers import ROOT


def _tree(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def checkout(tmp_path):
    """A checkout of its own: catalogue, notebook and data, as the tiny build uses them (nothing built)."""
    root = tmp_path / "checkout"
    root.mkdir()
    return Tiny(root)


@pytest.mark.parametrize("where, says", [
    (".", "is the project checkout"),
    ("data", "is the data directory"),
    ("notebooks", "is a notebooks folder"),
    ("data/reports", "lies inside the data directory"),
    ("notebooks/out", "lies inside a notebooks folder"),
    ("..", "holds the project checkout"),
    ("/", "holds the project checkout"),
])
def test_the_checkout_data_and_notebooks_are_refused_and_left_byte_for_byte(checkout, where, says):
    before = _tree(checkout.root)
    target = where if where == "/" else str(checkout.root / where)
    run = checkout.run(Path(target))
    assert run.returncode == 2 and says in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "building" not in run.stdout
    assert _tree(checkout.root) == before
    assert not (checkout.root / "data" / "reports").exists() and not (checkout.root / "notebooks" / "out").exists()


def test_a_folder_of_someone_elses_files_is_refused_untouched(checkout, tmp_path):
    theirs = tmp_path / "my-site"
    (theirs / "data").mkdir(parents=True)
    (theirs / "index.html").write_text("<p>my home page</p>")
    (theirs / "manifest.json").write_text(json.dumps({"name": "my web app", "icons": []}))
    (theirs / "data" / "figures.csv").write_text("my,own,figures\n")
    (theirs / ".draft.tmp").write_text("unsaved work")
    before = snapshot(theirs)
    run = checkout.run(theirs)
    assert run.returncode == 2 and "not one a build made" in run.stderr, run.stderr
    assert snapshot(theirs) == before and not (theirs / ".build.lock").exists()


def test_links_into_the_inputs_are_refused(checkout, tmp_path):
    link = tmp_path / "reports-link"
    link.symlink_to(checkout.data)
    run = checkout.run(link)
    assert run.returncode == 2 and "is the data directory" in run.stderr
    out = tmp_path / "reports"
    out.mkdir()
    (out / "data").symlink_to(checkout.data)  # downloads would overwrite the data files through it
    before = _tree(checkout.data)
    run = checkout.run(out)
    assert run.returncode == 2 and "not a plain folder" in run.stderr and _tree(checkout.data) == before


def test_the_repository_itself_is_refused_with_its_default_catalogue():
    before = {p: p.read_bytes() for p in sorted((ROOT / "data").iterdir())}
    for where in (".", "data", "notebooks", "src"):
        run = run_cli("build", "--reports-dir", where, cwd=ROOT)
        assert run.returncode == 2 and "--reports-dir" in run.stderr, (where, run.stderr)
    assert {p: p.read_bytes() for p in sorted((ROOT / "data").iterdir())} == before
    assert not (ROOT / "index.html").exists() and not (ROOT / "manifest.json").exists()


def test_new_empty_and_built_folders_are_accepted(tmp_path):
    inputs = protected(ROOT, ROOT / "data", [ROOT / "notebooks" / "01-funding-cuts.ipynb"], ROOT / "reports.toml")
    assert check(tmp_path / "new", inputs) == (tmp_path / "new").resolve()
    assert check(ROOT / "reports", inputs) == ROOT / "reports"  # inside the checkout, beside its inputs
    (tmp_path / ".build.lock").write_text("")  # what a build killed before writing anything leaves
    (tmp_path / ".index.html.abcd1234.assad-collapse.tmp").write_text("half")
    assert check(tmp_path, inputs) == tmp_path.resolve()
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(UnsafeReportsDir, match="not one a build made"):
        check(tmp_path, inputs)
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1, "reports": {}}))
    assert check(tmp_path, inputs) == tmp_path.resolve()
    os.remove(tmp_path / "manifest.json")
    (tmp_path / "manifest.json").symlink_to(tmp_path / "notes.txt")
    with pytest.raises(UnsafeReportsDir):
        check(tmp_path, inputs)
