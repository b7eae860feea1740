"""presentation.prose: numbers formatted and rounded as the source allows, and data text shown exactly as written."""

from __future__ import annotations

import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from assad_collapse.presentation import prose


def test_number_formats():
    assert prose.number(2.5, "usd_bn_per_year") == "$2.5bn a year"
    assert prose.number(3.0, "usd_bn") == "$3bn"
    assert prose.number(11.92, "percent") == "11.9%"
    assert prose.number(20000, "persons") == "20,000"


def test_approximate_numbers_keep_two_significant_figures():
    assert prose.number(11.92, "percent", approximate=True) == "12%"
    assert prose.number(0.75, "usd_bn_per_year", approximate=True) == "$0.75bn a year"
    assert prose.number(13000, "persons", approximate=True) == "13,000"


def test_stated_values_keep_precision_and_ranges():
    assert prose.stated_value("former_rebels_south") == "about 20,000–25,000"
    assert prose.stated_value("advisers_liwa_al_quds_2024") == "not quantified in the paper"
    assert prose.stated_value("advisers_peak_2017") == "671"


def test_derived_values_on_approximate_inputs_read_about():
    assert prose.is_approximate("advisers_share_of_peak_2024")  # rests on 'roughly 80'
    assert prose.derived_value("advisers_share_of_peak_2024") == "about 12%"
    assert not prose.is_approximate("fund_avg_2022_23")  # $3bn as stated, over two years
    assert prose.derived_value("fund_avg_2022_23") == "$1.5bn a year"


@pytest.mark.parametrize("percent, words", [(11.92, "one in eight"), (50, "one in two"), (30, None), (0, None)])
def test_one_in(percent, words):
    assert prose.one_in(percent) == words


def test_plurals_agree_with_their_number():
    assert prose.count(1, "event") == "1 event" and prose.count(3, "event") == "3 events"
    assert prose.count(2, "way") == "2 ways" and prose.count(1, "study", "studies") == "1 study"


def _rendered_text(markdown: str) -> str:
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", markdown2html_mistune(markdown))).strip()


@pytest.mark.parametrize("text", [
    "more than 80 > 70", "R&D < 5", "a_b *c* [link](x) `code` #1 - 2 | 3 ~ 4 !", "quote \"x\" and 'y'",
    "see https://evil.example/x", "back\\slash",
])
def test_data_text_renders_exactly_as_written(text):
    assert _rendered_text(prose.esc(text)) == text


def test_a_bare_url_in_data_text_is_not_a_live_link():
    assert "<a " not in markdown2html_mistune(prose.esc("see https://evil.example/x"))


def test_data_text_cannot_inject_markup():
    rendered = markdown2html_mistune(prose.esc("<script>alert(1)</script> [link](javascript:x)"))
    assert "<script>" not in rendered and "href" not in rendered


def test_a_share_worked_out_from_round_figures_is_a_whole_percent_and_says_about():
    """147,000 to 55,000 is 62.585…% fewer: the round figures allow 'about 63%', not '62.6%'."""
    assert prose.derived_value("militia_decline_2017_2024") == "about 63%"
    assert prose.derived_value("fund_share_of_peak_2024") == "30%"  # exactly what a stated 70% cut leaves


@pytest.mark.parametrize("percent, words", [
    (62.6, "nearly two-thirds"), (50.5, "about half"), (35.0, "just over a third"), (74.0, "about three-quarters"),
    (12.0, None), (90.0, None),
])
def test_a_share_as_a_reader_says_it(percent, words):
    assert prose.fraction(percent) == words
