"""build.citation: the paper's and each report's reference with BibTeX, and the reproducibility stamp."""

from __future__ import annotations

from assad_collapse.build import citation
from assad_collapse.build.cache import report_inputs, versions


def stamp():
    inputs = {"notebook": "1" * 64, "parameters": "2" * 64, "title": "3" * 64, "data": "4" * 64,
              "library": "5" * 64, "requirements.lock": "6" * 64, "versions": "7" * 64}
    return citation.Stamp.from_inputs(inputs, {"python": "3.11.7", "pandas": "2.2.3"})


def test_the_paper_reference_is_complete():
    text = citation.paper_reference()
    for part in ("Antonio Giustozzi", "Russia and the Collapse of the Assad Regime", "RUSI", "18 February 2025"):
        assert part in text
    bib = citation.paper_bibtex()
    assert bib.startswith("@techreport{") and "Giustozzi, Antonio" in bib and "year        = {2025}" in bib


def test_report_reference_and_bibtex_carry_the_data_fingerprint():
    s = stamp()
    assert s.data == "4" * 12 and s.lock == "6" * 12
    ref = citation.report_reference("funding-cuts", "Russia's funding cuts", s)
    assert "Russia's funding cuts" in ref and "version " in ref and "444444444444" not in ref  # fingerprints: BibTeX, stamp
    assert "Data 444444444444" in citation.report_bibtex("funding-cuts", "Russia's funding cuts", s)
    block = citation.cite_block("funding-cuts", "Russia's funding cuts", s)
    assert block.count('<details data-reuse="bibtex">') == 2 and "@misc{assadcollapse-funding-cuts" in block
    reference = block[block.index("<strong>This report:"):]
    assert "The <cite>assad-collapse</cite> contributors" in reference[:reference.index("</p>")]  # a name, not code
    assert all("<cite>" not in pre.split("</pre>")[0] for pre in block.split("<pre>")[1:])  # BibTeX stays copyable as is


def test_stamp_shows_hashes_and_versions_and_no_path():
    block = citation.stamp_block(stamp())
    assert "Python 3.11.7" in block and "pandas 2.2.3" in block and "555555555555" in block
    assert "/" not in block.replace("</", "")


def test_the_stamp_of_real_inputs_is_deterministic(tmp_path):
    from assad_collapse.build.cache import environment
    from helpers import DATA

    env = environment(DATA)
    first = citation.Stamp.from_inputs(report_inputs("n" * 64, {"a": 1}, "T", env), versions())
    second = citation.Stamp.from_inputs(report_inputs("n" * 64, {"a": 1}, "T", env), versions())
    assert first == second and len(first.data) == 12
