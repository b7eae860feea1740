"""CITATION.cff, LICENSE and the data package's licence agree with the project's metadata."""

from __future__ import annotations

import json
import tomllib

import yaml

from helpers import DATA, ROOT


def test_citation_file_is_valid_and_matches_the_project():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for key in ("cff-version", "message", "title", "authors", "version", "license"):
        assert cff.get(key), key
    assert cff["version"] == project["version"]
    assert cff["license"] == project["license"]["text"]
    paper = cff["references"][0]
    assert paper["title"] == "Russia and the Collapse of the Assad Regime"
    assert paper["authors"][0]["family-names"] == "Giustozzi" and str(paper["date-published"]) == "2025-02-18"


def test_licence_file_names_the_code_and_the_data_licences():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "CC BY 4.0" in text


def test_the_data_package_says_its_licence_and_source():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "Giustozzi" in package["sources"][0]["title"]
