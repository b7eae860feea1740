"""build.extract: key findings and data used read from an executed notebook's JSON outputs."""

from __future__ import annotations

import json

import nbformat

from assad_collapse.build import extract


def notebook():
    nb = nbformat.v4.new_notebook()
    finding = {"key": "funding.peak", "text": "About $2.5bn a year.", "values": {"peak": 2.5}, "sources": ["fund_peak"]}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_code_cell("show()", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/markdown": "## Key findings", extract.FINDINGS_MIME: {"findings": [finding]}})]),
        nbformat.v4.new_code_cell("sources()", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": "<table></table>",
                                  extract.DATA_USED_MIME: json.dumps({"files": ["figures.csv"], "ids": ["fund_peak"]})})]),
        nbformat.v4.new_code_cell("more()", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/plain": "x", extract.DATA_USED_MIME: {"files": ["events.csv", "figures.csv"]}})]),
    ]
    return nb


def test_findings_and_data_used_are_collected_in_order():
    nb = notebook()
    assert [f["key"] for f in extract.findings(nb)] == ["funding.peak"]
    assert extract.data_used(nb) == {"files": ["events.csv", "figures.csv"], "ids": ["fund_peak"]}
    assert extract.findings(nbformat.v4.new_notebook()) == [] and extract.data_used(nbformat.v4.new_notebook())["files"] == []


def test_the_published_notebook_is_valid_and_keeps_its_outputs():
    text = extract.notebook_bytes(notebook())
    back = nbformat.reads(text.decode(), as_version=4)
    nbformat.validate(back)
    assert back.cells[1].outputs[0]["data"]["text/markdown"] == "## Key findings"
    assert extract.notebook_bytes(back) == text  # stable bytes
