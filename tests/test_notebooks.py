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
from assad_collapse.reportparams import BY_NOTEBOOK

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SPECS = {name.removesuffix(".ipynb"): specs.specs for name, specs in BY_NOTEBOOK.items()}
ANALYSES = {"01-funding-cuts": funding, "02-manpower": manpower, "03-adviser-distribution": advisers,
            "04-hypothesis-assessment": hypotheses, "05-claims-audit": claims_audit, "06-timeline": timeline}


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_has_declared_specs_that_its_analysis_uses(path):
    assert path.name in BY_NOTEBOOK, f"{path.name}: declare its parameters in reportparams.BY_NOTEBOOK"
    assert ANALYSES[path.stem].PARAMETERS is BY_NOTEBOOK[path.name].specs  # one definition


@pytest.mark.parametrize("name", sorted(BY_NOTEBOOK))
def test_every_parameter_has_a_one_line_description_and_its_default_passes_its_own_check(name):
    for spec in BY_NOTEBOOK[name].specs:
        assert spec.help.strip() and "\n" not in spec.help and len(spec.help) <= 160, spec.name
        assert spec.label and spec.label[0].isupper(), spec.name
        assert spec.check(spec.default) == spec.default or spec.many, spec.name
