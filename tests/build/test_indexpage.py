"""build.indexpage: the paper's reference, what the collection is, and per report its headline, data used and status."""

from __future__ import annotations

from assad_collapse.build import indexpage
from assad_collapse.build.downloads import DOWNLOADS


def _page(**fields) -> str:
    entry = indexpage.Entry("funding-cuts", "Russia's funding cuts", "The catalogue's summary.", "fresh", True, **fields)
    return indexpage.render([entry]).decode("utf-8")


def test_the_index_names_the_paper_and_what_the_collection_is():
    page = _page()
    assert "Antonio Giustozzi, <em>Russia and the Collapse of the Assad Regime</em>" in page
    assert "Royal United Services Institute (RUSI), 18 February 2025" in page


def test_headline_and_data_files_come_from_the_entry():
    page = _page(headline="Support fell to about $0.75bn a year by 2024.", data_files=["figures.csv", "derived.csv"])
    assert "Support fell to about $0.75bn a year by 2024." in page and "The catalogue&#x27;s summary." not in page
    assert 'href="data/figures.csv">The paper&#x27;s figures</a>' in page and 'href="data/derived.csv"' in page
    assert 'href="data/events.csv"' not in page


def test_until_the_build_fills_them_the_summary_and_every_file_stand_in():
    page = _page()
    assert "The catalogue&#x27;s summary." in page
    assert all(f'href="data/{name}.csv"' in page for name in DOWNLOADS)
    assert "figures.csv<" not in page  # files are named by what they hold, not by file name


def test_status_in_reader_words():
    assert "Up to date" in _page()
    failed = indexpage.render([indexpage.Entry("x", "X", "s", "stale-failed", True)]).decode("utf-8")
    assert "Could not be rebuilt — showing the last good version from the previous build" in failed


def test_data_text_is_escaped():
    page = _page(headline="<script>alert(1)</script>")
    assert "<script>" not in page and "&lt;script&gt;" in page
