"""outline.py: the outline re-derived from the paper matches data/outline.csv; counting rules; locators."""

from __future__ import annotations

import pytest
from helpers import DATA, SOURCE

from assad_collapse.paper.outline import (
    Heading,
    LocatorError,
    check_locator,
    derive_outline,
    iter_paragraphs,
    parse_locator,
    read_outline,
    split_locators,
)

SAMPLE = """---
title: x
---

Intro one.

Intro two.

### Part A

#### Sub 1

Para.

> A quote
> on two lines.

- item one

- item two

_Run-in heading_

After run-in.

### Part B

Para B.

---

Author biography.
"""


@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/source is not beside the repository")
def test_outline_csv_matches_the_paper():
    assert derive_outline(SOURCE.read_text(encoding="utf-8")) == read_outline(DATA / "outline.csv")


def test_counting_rules():
    assert derive_outline(SAMPLE) == [
        Heading("Introduction", "", 2),
        Heading("Part A", "Sub 1", 3),  # paragraph, blockquote (one), list (one)
        Heading("Part A", "Run-in heading", 1),
        Heading("Part B", "", 1),  # the biography after '---' is not counted
    ]


def test_paragraph_text_is_kept_with_its_locator():
    located = {str(loc): text for loc, text in iter_paragraphs(SAMPLE)}
    assert located["Part A › Sub 1 › ¶3"] == "- item one\n- item two"


def test_parse_and_check_locators():
    headings = [Heading("Conclusion", "", 5), Heading("A", "B's part", 2)]
    assert str(parse_locator("A › B's part › ¶2")) == "A › B's part › ¶2"
    assert check_locator("Conclusion › ¶5", headings).paragraph == 5
    with pytest.raises(LocatorError, match="has 5 paragraphs"):
        check_locator("Conclusion › ¶6", headings)
    with pytest.raises(LocatorError, match="no heading"):
        check_locator("A › C › ¶1", headings)
    for bad in ("Conclusion ¶1", "Conclusion › ¶0", "A › B › C › ¶1", " › ¶1"):
        with pytest.raises(LocatorError):
            parse_locator(bad)


def test_split_locators():
    assert split_locators("A › ¶1; B › ¶2 ;") == ["A › ¶1", "B › ¶2"]
