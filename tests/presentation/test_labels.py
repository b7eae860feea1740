"""presentation.labels and workings: every id and code a reader could meet has words."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from assad_collapse.paper import datasets, vocabulary
from assad_collapse.paper.derivations import DERIVATIONS
from assad_collapse.paper.derived import derived_figures
from assad_collapse.presentation import labels, workings

SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")


def test_every_figure_derived_figure_and_event_has_a_label_without_code():
    ids = [*datasets.figures()["id"], *derived_figures()["id"], *datasets.events()["id"]]
    for i in ids:
        assert labels.label(i) and not SNAKE.search(labels.label(i)), i


@pytest.mark.parametrize("mapping, codes", [
    (labels.PRECISION_WORDS, vocabulary.PRECISIONS), (labels.SOURCE_KIND_WORDS, vocabulary.SOURCE_KINDS),
    (labels.ACTOR_WORDS, vocabulary.ACTORS), (labels.CATEGORY_WORDS, vocabulary.EVENT_CATEGORIES),
])
def test_every_vocabulary_code_has_words(mapping, codes):
    assert set(codes) <= set(mapping)


def test_source_kinds_in_the_words_of_the_brief():
    assert labels.source_kind("unnamed_source") == "an unnamed source or interviewee"
    assert labels.source_kind("unattributed") == "the author, no source given"
    assert labels.source_kind("author") == "the author's own judgement"
    assert labels.precision("as_stated") == "as stated" and labels.precision("unspecified") == "not quantified"


@pytest.mark.parametrize("start, end, words", [
    ("2024-12-02", "2024-12-02", "2 December 2024"), ("2022-02-01", "2022-02-28", "February 2022"),
    ("2024-11-16", "2024-11-30", "late November 2024"), ("2015-01-01", "2015-12-31", "2015"),
    ("2016-01-01", "2018-12-31", "2016–18"), ("2023-09-01", "2024-04-30", "late 2023–early 2024"),
    ("2024-06-01", "2024-08-31", "summer 2024"), ("2015-01-01", "2024-04-30", "2015 to early 2024"),
    ("2024-09-01", "2024-12-31", "late 2024"), ("2020-01-01", "2020-04-30", "early 2020"),
])
def test_dates_in_words(start, end, words):
    assert labels.date_span(pd.Timestamp(start), pd.Timestamp(end)) == words


def test_locators_read_without_code():
    assert labels.locator("Deteriorating relations › Russia's declining commitment and influence › ¶1") == \
        "Deteriorating relations › Russia's declining commitment and influence, ¶1"


def test_the_untitled_opening_is_never_called_an_introduction():
    """The paper has no section called Introduction: its opening, before Methodology, has no heading."""
    from assad_collapse.presentation import charts

    assert labels.locator("Introduction › ¶4") == "Opening summary, ¶4"
    assert charts.places(["Introduction › ¶4; Introduction › ¶5", "Conclusion › ¶2"]) == \
        "Opening summary, ¶4–5; Conclusion, ¶2"
    events = datasets.events()
    opening = events[events["locator"].str.contains("Introduction")].iloc[0]
    assert "Introduction" not in " ".join(labels.locators(opening["locator"]))


@pytest.mark.parametrize("code", sorted(vocabulary.SOURCE_KINDS))
def test_who_gave_it_is_a_noun_phrase_that_reads_after_from(code):
    """'From the author, no source given' — never 'From stated with no source named'."""
    words = labels.source_kind(code)
    assert words.split(" ")[0] in {"a", "an", "the"}, words


def test_an_undated_span_says_so_and_never_nan():
    assert labels.date_span(pd.NaT, pd.NaT) == "no date given in the paper"
    assert labels.date_span(pd.Timestamp("2024-01-01"), pd.NaT) == "no date given in the paper"


def test_an_open_start_reads_no_later_than():
    start, end = pd.Timestamp("2020-01-01"), pd.Timestamp("2020-12-31")
    assert labels.event_date(start, end, "start") == "no later than 2020"
    assert labels.event_date(start, end, "") == "2020" and labels.event_date(start, end, "end") == "2020"
    assert labels.capitalised("late November 2024") == "Late November 2024"


@pytest.mark.parametrize("name, inside, after_with", [
    ("Military intelligence", "military intelligence", "military intelligence"),
    ("Some army brigades", "some army brigades", "some army brigades"),
    ("Syrian air force", "Syrian air force", "the Syrian air force"),
    ("Liwa al Quds militia", "Liwa al Quds militia", "the Liwa al Quds militia"),
    ("25th Division", "25th Division", "the 25th Division"),
    ("Hizbollah", "Hizbollah", "Hizbollah"),
    ("NDF", "NDF", "NDF"),
])
def test_names_read_inside_a_sentence(name, inside, after_with):
    assert labels.in_sentence(name) == inside and labels.with_article(name) == after_with


def test_year_spans_in_labels_take_an_en_dash():
    assert labels.typeset("over 2022-23 and 2016-2017, not 10-12") == "over 2022–23 and 2016–2017, not 10-12"
    assert "2022–23" in labels.label("fund_avg_2022_23")


def test_every_derivation_has_a_working_in_words_over_exactly_its_sources():
    derived = derived_figures().set_index("id")
    for d in DERIVATIONS:
        assert d.id in workings.TEMPLATES, f"{d.id}: add how it is worked out, in words"
        assert workings.ids_in(workings.TEMPLATES[d.id]) == set(derived.loc[d.id, "sources"].split(";")), d.id


def test_a_working_reads_as_words():
    assert workings.working("fund_level_2024") == "the peak of about $2.5bn a year, less 70%"
    assert "19 + 12 + 12 + 2 = 45" in workings.working("advisers_unallocated_2024")
    assert not SNAKE.search(" ".join(workings.working(d.id) for d in DERIVATIONS))


def test_a_figure_label_words_its_group_rather_than_bracketing_it_as_a_field():
    assert labels.label("fund_total_2022_23") == "Russian direct financial support, total over two years, for the Syrian regime"
    assert labels.label("logistics_decline_2024").endswith(", for the Syrian armed forces")
    assert labels.label("militia_ndf_2024").endswith("(NDF)")  # an abbreviation keeps its brackets


def test_when_an_event_or_a_figure_is_dated_comes_from_the_data():
    events, figures = datasets.events(), datasets.figures()
    for e in events.itertuples():
        said = labels.event_when(e.id)
        assert said.startswith("no later than ") == (e.open_ended == "start")
        assert said.endswith(labels.date_span(e.date_start, e.date_end))
    for f in figures.itertuples():
        assert labels.figure_when(f.id) == labels.date_span(f.period_start, f.period_end)
    undated = figures.loc[figures["period_start"].isna(), "id"]
    assert all(labels.figure_when(i) == "no date given in the paper" for i in undated)
