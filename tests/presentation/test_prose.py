"""presentation.prose and .citations: numbers formatted from data, citations, and escaping of data text."""

from __future__ import annotations

from helpers import set_cell

from assad_collapse.presentation import citations, prose


def test_number_formats():
    assert prose.number(2.5, "usd_bn_per_year") == "$2.5bn a year"
    assert prose.number(3.0, "usd_bn") == "$3bn"
    assert prose.number(11.92, "percent") == "11.9%"
    assert prose.number(20000, "persons") == "20,000"


def test_stated_values_keep_precision_and_ranges():
    assert prose.stated_value("former_rebels_south") == "about 20,000–25,000"
    assert prose.stated_value("advisers_liwa_al_quds_2024") == "not quantified in the paper"
    assert prose.stated_value("advisers_peak_2017") == "671"


def test_citations_link_to_the_sources_table():
    cite = citations.cite("advisers_peak_2017")
    assert cite.startswith("[¶2](#src-advisers_peak_2017 ") and "declining commitment" in cite


def test_data_text_cannot_inject_markup(data_copy, monkeypatch):
    from assad_collapse.paper import datasets

    set_cell(data_copy / "figures.csv", "advisers_peak_2017", "note", "x")
    set_cell(data_copy / "figures.csv", "advisers_peak_2017", "measure", '<script>alert(1)</script> [link](javascript:x) "q"')
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(data_copy))
    table = citations.sources_table(["advisers_peak_2017"])
    assert "<script>" not in table and "&lt;script&gt;" in table
    assert "<script>" not in prose.esc("<script>") and "\\[" in prose.esc("[link]")
