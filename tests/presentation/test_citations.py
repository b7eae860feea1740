"""presentation.citations: numbered notes in reading order, a sources row per note, the data files used."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from helpers import rows, set_cell, write_rows

from assad_collapse.presentation import citations


@pytest.fixture(autouse=True)
def fresh_notes():
    citations.reset()
    yield
    citations.reset()


def test_notes_are_numbered_in_the_order_first_cited():
    first = citations.cite("advisers_peak_2017")
    second = citations.cite("fund_peak_2016_17", "advisers_peak_2017")
    assert ">1</a>]" in first
    assert ">2</a>" in second and ">1</a>" in second
    assert 'href="#src-advisers_peak_2017"' in first and 'id="cite-advisers_peak_2017-1"' in first
    assert 'id="cite-advisers_peak_2017-2"' in second  # a second use gets its own anchor


def test_a_citation_names_its_place_without_a_hover():
    row = citations.sources_table(["advisers_peak_2017"])
    assert "Deteriorating relations › Russia&#x27;s declining commitment and influence, ¶2" in row


def test_sources_rows_say_value_precision_and_who_gave_it():
    citations.cite("advisers_total_2024_10")
    table = citations.sources_table([])
    assert "about 80" in table and ">about<" in table and "the author, no source given" in table


def test_a_note_no_text_cites_says_why_it_is_listed_instead_of_a_dead_back_link():
    citations.cite("fund_level_2024")
    table = citations.sources_table(["russia_cuts_funds_disloyal_units_2023"])
    cited, source, drawn = (citations.NOTES.number(i) for i in
                            ("fund_level_2024", "fund_peak_2016_17", "russia_cuts_funds_disloyal_units_2023"))
    assert 'href="#cite-fund_level_2024-1"' in table
    assert f"(behind note {cited})" in table and 'href="#cite-fund_peak_2016_17-1"' not in table
    assert "(drawn in a chart)" in table and 'href="#cite-russia_cuts_funds_disloyal_units_2023-1"' not in table
    assert len({cited, source, drawn}) == 3


def test_a_derived_row_shows_its_value_and_working_not_its_formula():
    citations.cite("fund_level_2024")
    table = citations.sources_table([])
    assert "about $0.75bn a year" in table and "How this was worked out" in table
    assert "the peak of about $2.5bn a year, less 70%" in table
    assert "fund_peak_2016_17 ×" not in table
    assert 'id="src-fund_peak_2016_17"' in table  # the derived figure's sources get notes too


def test_rows_link_back_to_the_text_only_when_cited():
    citations.cite("advisers_peak_2017")
    table = citations.sources_table(["fund_peak_2016_17"])
    assert 'href="#cite-advisers_peak_2017-1"' in table and 'href="#cite-fund_peak_2016_17-1"' not in table


def test_data_files_follow_the_ids():
    assert citations.data_files(["advisers_peak_2017"]) == ["figures.csv"]
    assert citations.data_files(["fund_level_2024", "ukraine_war_starts_2022_02"]) == ["figures.csv", "derived.csv", "events.csv"]


class _Attrs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def test_a_quote_in_a_locator_cannot_break_the_citation_link(data_copy, monkeypatch):
    from assad_collapse.paper import datasets

    for path in data_copy.glob("*.csv"):  # rename a subsection of the paper, everywhere, with a double quote
        records = rows(path)
        write_rows(path, [{k: v.replace("Russia's declining", 'Russia"s declining') for k, v in r.items()} for r in records],
                   list(records[0]))
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(data_copy))
    parser = _Attrs()
    parser.feed(citations.cite("advisers_peak_2017"))
    (link,) = parser.links
    assert link["href"] == "#src-advisers_peak_2017" and 'Russia"s declining' in link["title"]


def test_data_text_in_the_sources_table_is_escaped(data_copy, monkeypatch):
    from assad_collapse.paper import datasets

    set_cell(data_copy / "figures.csv", "advisers_peak_2017", "measure", "<script>alert(1)</script> more than > 70")
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(data_copy))
    citations.cite("advisers_peak_2017")
    table = citations.sources_table([])
    assert "<script>" not in table and html.escape("<script>alert(1)</script> more than > 70") in table
