"""Notebooks: stored without outputs, parameters cell agrees with the specs in src/, thin."""

from __future__ import annotations

import ast

import nbformat
import papermill
import pytest
from helpers import ROOT

from assad_collapse.analyses import (
    advisers,
    claims_audit,
    funding,
    hypotheses,
    manpower,
    timeline,
)
from assad_collapse.catalogue import load_catalogue

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SPECS = {"01-funding-cuts": funding.PARAMETERS, "02-manpower": manpower.PARAMETERS,
         "03-adviser-distribution": advisers.PARAMETERS, "05-claims-audit": claims_audit.PARAMETERS,
         "06-timeline": timeline.PARAMETERS, "04-hypothesis-assessment": hypotheses.PARAMETERS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_matches_the_spec(path):
    declared = papermill.inspect_notebook(str(path))
    spec = {p.name: p.default for p in SPECS.get(path.stem, ())}
    assert {k: ast.literal_eval(v["default"]) for k, v in declared.items()} == spec


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_thin(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            tree = ast.parse(cell.source)
            assert not any(isinstance(n, (ast.For, ast.While, ast.FunctionDef, ast.ClassDef)) for n in ast.walk(tree)), path.name
            assert len(cell.source.splitlines()) <= 6, f"{path.name}: logic belongs in src/"


def test_every_notebook_is_catalogued():
    catalogued = {r.notebook.resolve() for r in load_catalogue(ROOT / "reports.toml")}
    assert {p.resolve() for p in NOTEBOOKS} <= catalogued
