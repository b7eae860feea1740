"""Text in data/ is our own words and never types a figure that figures.csv holds."""

from __future__ import annotations

import re

import pytest
from helpers import DATA, SOURCE, rows

from assad_collapse.paper.schemas import RESOURCES

# Columns that hold our prose (locators and headings quote the paper's headings on purpose).
PROSE = ("measure", "group", "note", "title", "statement", "label", "description", "summary", "rationale", "category", "claim", "sets_apart")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Dates, unit names (25th Division), aircraft models and hypothesis ids are not figures.
NOT_A_FIGURE = re.compile(
    rf"\b(19|20)\d\d(-\d\d){{0,2}}\b|\b\d{{1,2}} ({MONTHS})\b|\b\d+(st|nd|rd|th)\b|\bSu-\d+\b|\b[hie]\d+\b"
)
WORDS = re.compile(r"[a-z0-9']+")


def prose_cells():
    for resource in RESOURCES.values():
        for n, row in enumerate(rows(DATA / resource.path), 2):
            for column in PROSE:
                if row.get(column):
                    yield f"{resource.path}:{n}:{column}", row[column]


def test_no_figure_is_typed_into_prose():
    typed = [(where, cell) for where, cell in prose_cells() if re.search(r"\d", NOT_A_FIGURE.sub("", cell))]
    assert typed == [], "numbers belong in figures.csv; refer to the figure instead"


@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/source is not beside the repository")
def test_prose_is_our_own_words():
    paper = WORDS.findall(SOURCE.read_text(encoding="utf-8").lower().replace("\u2019", "'"))
    shingles = {" ".join(paper[i : i + 7]) for i in range(len(paper) - 6)}
    copied = []
    for where, cell in prose_cells():
        words = WORDS.findall(cell.lower())
        copied += [(where, " ".join(words[i : i + 7])) for i in range(len(words) - 6) if " ".join(words[i : i + 7]) in shingles]
    assert copied == [], "seven or more consecutive words of the paper were copied into data/"
