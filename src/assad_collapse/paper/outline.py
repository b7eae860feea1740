"""The paper's outline: sections, subsections and paragraph counts, and locators into it.

A locator names one paragraph of the paper as ``Section › Subsection › ¶n`` (or
``Section › ¶n`` for a paragraph that sits directly under a section). Several
locators may be joined with ``; ``. The outline is kept in ``data/outline.csv`` so
that locators can be checked without the paper's text; :func:`derive_outline`
re-derives it from the text in ``../shared/source`` when that is present.

Counting rules (the same in code and in the docs):
- YAML front matter is skipped; the body ends at the first horizontal rule (``---``),
  after which only the author's biography follows.
- ``###`` starts a section and ``####`` a subsection. A line that is wholly in
  italics and short (the paper's run-in headings such as *Diplomatic divergence*)
  also starts a subsection, since it heads its own run of paragraphs.
- Text before the first heading belongs to a section we call ``Introduction``.
- A paragraph is a block between blank lines; a blockquote counts as one
  paragraph, and so does a whole list (items separated by blank lines included).
- Typographic apostrophes in headings are stored as ASCII ``'`` so that locators
  can be typed by hand.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

SEPARATOR = " › "
PARAGRAPH_MARK = "¶"
INTRODUCTION = "Introduction"
OUTLINE_COLUMNS = ("section", "subsection", "paragraphs")

_ITALIC_HEADING = re.compile(r"^_([^_]{3,80})_$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_LOCATOR = re.compile(r"^(?P<path>.+?) › ¶(?P<n>[1-9][0-9]*)$")


@dataclass(frozen=True)
class Heading:
    """One run of paragraphs under a section and (possibly empty) subsection."""

    section: str
    subsection: str
    paragraphs: int


@dataclass(frozen=True)
class Locator:
    """A parsed locator: the paragraph ``paragraph`` of ``section``/``subsection``."""

    section: str
    subsection: str
    paragraph: int

    def __str__(self) -> str:
        parts = [self.section] + ([self.subsection] if self.subsection else [])
        return SEPARATOR.join(parts + [f"{PARAGRAPH_MARK}{self.paragraph}"])


class LocatorError(ValueError):
    """A locator that is malformed or names no paragraph of the outline."""


def _normalise(text: str) -> str:
    return text.strip().replace("\u2019", "'").replace("\u2018", "'")


def _body_lines(text: str) -> list[str]:
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        lines = lines[end + 1 :]
    for i, line in enumerate(lines):
        if line.strip() == "---":
            return lines[:i]
    return lines


def _blocks(lines: list[str]) -> list[list[str]]:
    """Split lines into blocks separated by blank lines, merging adjacent list blocks."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines + [""]:
        if line.strip():
            current.append(line)
            continue
        if current:
            is_list = bool(_LIST_ITEM.match(current[0]))
            if is_list and blocks and _LIST_ITEM.match(blocks[-1][0]):
                blocks[-1].extend(current)
            else:
                blocks.append(current)
            current = []
    return blocks


def iter_paragraphs(text: str):
    """Yield ``(Locator, paragraph_text)`` for every paragraph of the paper's text."""
    section, subsection, count = INTRODUCTION, "", 0
    for block in _blocks(_body_lines(text)):
        first = block[0].strip()
        if len(block) == 1 and first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            title = _normalise(first.lstrip("#"))
            if level <= 3:
                section, subsection = title, ""
            else:
                subsection = title
            count = 0
            continue
        italic = _ITALIC_HEADING.match(first) if len(block) == 1 else None
        if italic:
            subsection, count = _normalise(italic.group(1)), 0
            continue
        count += 1
        yield Locator(section, subsection, count), "\n".join(block)


def derive_outline(text: str) -> list[Heading]:
    """The outline of the paper's text: one entry per section/subsection, in order."""
    counts: dict[tuple[str, str], int] = {}
    for locator, _ in iter_paragraphs(text):
        key = (locator.section, locator.subsection)
        counts[key] = max(counts.get(key, 0), locator.paragraph)
    return [Heading(s, sub, n) for (s, sub), n in counts.items()]


def read_outline(path: Path) -> list[Heading]:
    """Read ``outline.csv`` (columns section, subsection, paragraphs)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return [
            Heading(row["section"], row["subsection"], int(row["paragraphs"]))
            for row in csv.DictReader(handle)
        ]


def write_outline(headings: list[Heading], path: Path) -> None:
    """Write the outline as ``outline.csv``."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(OUTLINE_COLUMNS)
        for h in headings:
            writer.writerow([h.section, h.subsection, h.paragraphs])


def parse_locator(text: str) -> Locator:
    """Parse one ``Section › Subsection › ¶n`` locator (syntax only)."""
    match = _LOCATOR.match(text.strip())
    if not match:
        raise LocatorError(
            f"{text!r} is not a locator: expected 'Section › Subsection › ¶n' or 'Section › ¶n'"
        )
    parts = match.group("path").split(SEPARATOR)
    if len(parts) > 2 or not all(p.strip() for p in parts):
        raise LocatorError(f"{text!r} names {len(parts)} headings; expected a section and at most one subsection")
    return Locator(parts[0], parts[1] if len(parts) == 2 else "", int(match.group("n")))


def split_locators(text: str) -> list[str]:
    """Split a cell holding one or more locators joined by ``;``."""
    return [part.strip() for part in text.split(";") if part.strip()]


def check_locator(text: str, headings: list[Heading]) -> Locator:
    """Parse ``text`` and check that it names a real paragraph of ``headings``."""
    locator = parse_locator(text)
    sizes = {(h.section, h.subsection): h.paragraphs for h in headings}
    size = sizes.get((locator.section, locator.subsection))
    if size is None:
        where = SEPARATOR.join(p for p in (locator.section, locator.subsection) if p)
        raise LocatorError(f"{text!r}: the paper has no heading {where!r}")
    if locator.paragraph > size:
        raise LocatorError(f"{text!r}: that part of the paper has {size} paragraphs")
    return locator
