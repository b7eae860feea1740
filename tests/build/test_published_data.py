"""build.published_data: the downloads' datapackage.json and README describe every published column."""

from __future__ import annotations

import json

import pytest

from assad_collapse.build import downloads, published_data

from helpers import DATA


@pytest.fixture(scope="module")
def files():
    return downloads.render(DATA)


def test_every_published_column_is_described(files):
    package = published_data.descriptor(files)
    assert [r["path"] for r in package["resources"]] == sorted(files)
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            assert field["description"], f"{resource['path']}: column {field['name']} has no description"
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    names = [f["name"] for f in figures["schema"]["fields"]]
    assert names[-3:] == ["central", "central_is_midpoint", "quantified"]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_only_what_is_published_is_described(files):
    two = {k: files[k] for k in ("figures.csv", "derived.csv")}
    assert [r["name"] for r in published_data.descriptor(two)["resources"]] == ["derived", "figures"]


def test_readme_says_where_values_come_from_and_how_to_cite(files):
    text = published_data.readme(files).decode()
    assert "## How to cite" in text and "Giustozzi" in text and "`central_is_midpoint`" in text
    assert "locator" in text and "## derived.csv" in text


def test_the_descriptor_is_valid_frictionless(tmp_path, files):
    frictionless = pytest.importorskip("frictionless")
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "datapackage.json").write_bytes(published_data.render_descriptor(files))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert json.loads((tmp_path / "datapackage.json").read_text())["name"] == "assad-collapse-published"
