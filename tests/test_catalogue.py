"""catalogue.py: reports.toml is checked, and each problem names the entry."""

from __future__ import annotations

import pytest
from helpers import ROOT

from assad_collapse.catalogue import load_catalogue
from assad_collapse.errors import CatalogueError


def test_shipped_catalogue_loads_and_names_existing_notebooks():
    reports = load_catalogue(ROOT / "reports.toml")
    assert reports and all(r.notebook.exists() for r in reports)
    assert len({r.name for r in reports}) == len(reports)


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[report]]\nname = 'x'\n", "missing keys"),
        ("[[report]]\nname='Bad Name'\nnotebook='n.ipynb'\ntitle='t'\nsummary='s'\n", "lower-case"),
        ("[[report]]\nname='x'\nnotebook='missing.ipynb'\ntitle='t'\nsummary='s'\n", "does not exist"),
        ("not toml [", "not valid TOML"),
        ("", "expected one or more"),
        ("[[report]]\nname='x'\nnotebook='n.ipynb'\ntitle='t'\nsummary='s'\ncolour='red'\n", "unknown keys"),
    ],
)
def test_bad_catalogues(tmp_path, text, message):
    (tmp_path / "n.ipynb").write_text("{}")
    path = tmp_path / "reports.toml"
    path.write_text(text)
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(path)


def test_duplicate_names(tmp_path):
    (tmp_path / "n.ipynb").write_text("{}")
    entry = "[[report]]\nname='x'\nnotebook='n.ipynb'\ntitle='t'\nsummary='s'\n"
    (tmp_path / "reports.toml").write_text(entry * 2)
    with pytest.raises(CatalogueError, match="used twice"):
        load_catalogue(tmp_path / "reports.toml")
