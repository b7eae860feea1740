"""schemas.py: one definition per file; the pandera schema and the data package are derived from it and agree."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from helpers import DATA

from assad_collapse.paper import datapackage
from assad_collapse.paper.pandera_schemas import pandera_schema
from assad_collapse.paper.schemas import RESOURCES


def test_committed_datapackage_is_generated_from_the_schemas():
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == datapackage.render()


@pytest.mark.parametrize("name", list(RESOURCES))
def test_pandera_schema_and_datapackage_agree(name):
    resource = RESOURCES[name]
    schema = pandera_schema(resource)
    described = next(r for r in json.loads(datapackage.render())["resources"] if r["name"] == name)
    fields = described["schema"]["fields"]
    assert [f["name"] for f in fields] == list(schema.columns) == resource.columns
    assert described["path"] == resource.path
    for f in fields:
        column = schema.columns[f["name"]]
        constraints = f["constraints"]
        assert column.nullable == (not constraints["required"])
        assert column.unique == constraints.get("unique", False)
        enum_checks = [c for c in column.checks if "allowed_values" in (c.statistics or {})]
        if "enum" in constraints:
            assert enum_checks and set(enum_checks[0].statistics["allowed_values"]) == set(constraints["enum"])
        else:
            assert not enum_checks


def test_every_data_file_is_described():
    on_disk = {p.name for p in DATA.glob("*.csv")}
    assert on_disk == {r.path for r in RESOURCES.values()}


def test_standard_tool_validates_the_package_and_catches_a_bad_value(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    assert frictionless.validate(str(DATA / "datapackage.json")).valid
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    figures = tmp_path / "data" / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace(",usd_bn,", ",usd_trillions,", 1), encoding="utf-8")
    assert not frictionless.validate(str(tmp_path / "data" / "datapackage.json")).valid


def test_row_rules_treat_missing_cells_as_passing():
    rule = next(r for r in RESOURCES["figures"].row_rules if r.name == "value_within_bounds")
    frame = pd.DataFrame({"low": ["1", None], "value": ["2", None], "high": ["3", "4"]})
    assert list(rule.holds(frame).astype("boolean").fillna(True)) == [True, True]
