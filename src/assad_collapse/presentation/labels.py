"""Human words for what the data stores as codes: ids, vocabulary codes, locators and date spans.

A reader never sees an id or a code. Every figure, derived figure and event id has a
short label built from the data's own text (a figure's measure and group, a derived
figure's measure, an event's title); every vocabulary code has words; a locator
reads "Section › Subsection, ¶n"; a date span reads "2016–17" or "late 2023–early 2024".
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..paper import datasets
from ..paper.derived import derived_figures
from ..paper.outline import INTRODUCTION, Locator, parse_locator, split_locators

PRECISION_WORDS = {
    "as_stated": "as stated",
    "approximate": "about",
    "at_least": "at least",
    "unspecified": "not quantified",
}
SOURCE_KIND_WORDS = {
    "author": "the author's own judgement",  # a judgement or inference of the author's
    "unattributed": "the author, no source given",  # stated as fact, with no source named
    "syrian_officer": "a Syrian officer",
    "syrian_official": "a Syrian official",
    "russian_official": "a Russian official",
    "russian_pmc": "a Russian private military company",
    "iranian_adviser": "an Iranian adviser",
    "journalist": "a journalist",
    "translator": "a translator",
    "unnamed_source": "an unnamed source or interviewee",
}
OPENING = "Opening summary"  # the paper's untitled opening, before Methodology (kept as "Introduction" in locators)
ACTOR_WORDS = {
    "russia": "Russia", "syrian_regime": "Syrian regime", "syrian_army": "Syrian army", "iran": "Iran",
    "hizbollah": "Hizbollah", "turkiye": "Türkiye", "israel": "Israel", "gulf_states": "Gulf states",
    "usa": "United States", "china": "China", "ukraine": "Ukraine", "opposition": "armed opposition",
    "former_rebels": "former rebels", "wagner": "Wagner Group",
}
CATEGORY_WORDS = {
    "intervention": "Intervention", "support": "Russian support", "command": "Command and control",
    "politics": "Politics", "diplomacy": "Diplomacy", "combat": "Fighting", "regional": "Regional events",
    "collapse": "Collapse",
}
DETERMINERS = frozenset("a an the some several many most all other another each every few".split())
NO_DATE = "no date given in the paper"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def words(mapping: dict[str, str], code: str) -> str:
    """The words for a vocabulary code; an unknown code becomes plain words rather than showing as code."""
    return mapping.get(code) or code.replace("_", " ")


def precision(code: str) -> str:
    """'as stated', 'about', 'at least' or 'not quantified'."""
    return words(PRECISION_WORDS, code)


def source_kind(code: str) -> str:
    """Who gave a figure, as a noun phrase that reads anywhere ('a Syrian officer', 'the author, no source given')."""
    return words(SOURCE_KIND_WORDS, code)


def actors(cell: str) -> str:
    """'russia;syrian_army' as 'Russia, Syrian army'."""
    return ", ".join(words(ACTOR_WORDS, a) for a in cell.split(";") if a)


def category(code: str) -> str:
    """An event category in words."""
    return words(CATEGORY_WORDS, code)


@lru_cache(maxsize=4)
def _figure_labels(signature: tuple) -> dict[str, str]:
    figures = datasets.figures()
    shared = figures["measure"].value_counts()
    labels = {}
    for row in figures.itertuples():
        measure, group = str(row.measure), str(row.group)
        if not group or _covered(group, measure):
            labels[row.id] = f"{measure}, {date_span(row.period_start, row.period_end)}" if shared[measure] > 1 else measure
        elif shared[measure] > 1:
            labels[row.id] = f"{measure}: {group}"
        else:
            labels[row.id] = _with_group(measure, group)
    return {k: typeset(v) for k, v in labels.items()}


def _with_group(measure: str, group: str) -> str:
    """A measure with the group it is about, in words, not as a bracketed data field: 'Decline of Russian logistical
    support by 2024, for the Syrian armed forces'; an abbreviation stays in brackets ('… Defense Forces (NDF)')."""
    if group.isupper():
        return f"{measure} ({group})"
    if "(" in group:
        return f"{measure} — {group}"
    return f"{measure}, for {with_article(group)}"


def typeset(text: str) -> str:
    """Year spans with an en dash, as everywhere else in the reports: '2022-23' as '2022–23'."""
    return re.sub(r"\b((?:19|20)\d\d)-(\d\d(?:\d\d)?)\b", "\\1–\\2", text)


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: a common first word in lower case ('Military intelligence' as
    'military intelligence'), a proper name kept ('Syrian air force', 'Liwa al Quds militia', 'NDF').

    A first word is common when it is a determiner ('Some army brigades') or the data's own text also uses it in
    lower case, so no list of names is kept here."""
    first, _, rest = name.partition(" ")
    if not first[:1].isupper() or first.isupper() or first[1:] != first[1:].lower():
        return name
    common = first.lower() in DETERMINERS or first.lower() in _lower_case_words(_signature())
    return (first.lower() + (" " + rest if rest else "")) if common else name


def with_article(name: str) -> str:
    """A unit's name as it reads after 'with' or 'in': a named unit of several words takes 'the' ('the Liwa al Quds
    militia', 'the 25th Division', 'the Syrian air force'); a common or single-word name does not ('military
    intelligence', 'some army brigades', 'Hizbollah')."""
    name = in_sentence(name)
    first = name.split(" ")[0]
    named = first[:1].isupper() or first[:1].isdigit()
    return f"the {name}" if named and " " in name else name


@lru_cache(maxsize=4)
def _lower_case_words(signature: tuple) -> frozenset[str]:
    figures, events = datasets.figures(), datasets.events()
    text = " ".join([*figures["measure"], *figures["note"].fillna(""), *events["title"], *events["note"].fillna("")])
    return frozenset(w for w in re.findall(r"[A-Za-z']+", text) if w.islower())


def _covered(group: str, measure: str) -> bool:
    """Whether one of the group's significant words already appears in the measure."""
    significant = [w for w in re.findall(r"[\w']+", group.lower()) if len(w) > 3]
    return any(w in measure.lower() for w in significant)


def _signature() -> tuple:
    directory = datasets.data_dir()
    return (str(directory), *((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob("*.csv"))))


def label(item_id: str) -> str:
    """The short human label of a figure, derived figure or event id."""
    figures = _figure_labels(_signature())
    if item_id in figures:
        return figures[item_id]
    derived = derived_figures().set_index("id")
    if item_id in derived.index:
        return typeset(str(derived.loc[item_id, "measure"]))
    events = datasets.events().set_index("id")
    if item_id in events.index:
        return typeset(str(events.loc[item_id, "title"]))
    raise KeyError(f"no figure, derived figure or event with id {item_id!r}")


def part_of_paper(loc: Locator) -> str:
    """Where a locator points, in words: 'Deteriorating relations › Russia's declining commitment'; the paper's
    untitled opening (stored as 'Introduction') reads 'Opening summary'."""
    section = OPENING if loc.section == INTRODUCTION else loc.section
    return " › ".join(p for p in (section, loc.subsection) if p)


def locator(text: str) -> str:
    """One locator as a reader reads it: 'Deteriorating relations › Russia's declining commitment, ¶1',
    'Opening summary, ¶4'."""
    loc = parse_locator(text)
    return f"{part_of_paper(loc)}, ¶{loc.paragraph}"


def locators(cell: str) -> list[str]:
    """Every locator of a cell (joined by ';'), in words, duplicates removed."""
    return list(dict.fromkeys(locator(l) for l in split_locators(cell)))


def _part_of_year(month: int) -> str:
    return "early" if month <= 4 else "mid-" if month <= 8 else "late"


def _part(part: str, year: int) -> str:
    return f"{part}{year}" if part.endswith("-") else f"{part} {year}"


def _two_digit_end(start: int, end: int) -> str:
    return f"{start}–{str(end)[2:]}" if start // 100 == end // 100 else f"{start}–{end}"


def date_span(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """A date span in words, as precise as the span itself: '2 December 2024', 'February 2022',
    'late November 2024', 'summer 2024', 'late 2023–early 2024', '2015', '2016–17', '2015 to early 2024';
    no span at all (an undated figure) reads :data:`NO_DATE`, never 'nan'."""
    if pd.isna(start) or pd.isna(end):
        return NO_DATE
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    whole_start_month = start.day == 1
    whole_end_month = (end + pd.Timedelta(days=1)).day == 1
    if start == end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        month = f"{MONTHS[start.month - 1]} {start.year}"
        if whole_start_month and whole_end_month:
            return month
        part = "early" if end.day <= 12 else "late" if start.day >= 15 else "mid"
        return f"{part} {month}"
    starts_year = whole_start_month and start.month == 1
    ends_year = whole_end_month and end.month == 12
    if starts_year and ends_year:
        return str(start.year) if start.year == end.year else _two_digit_end(start.year, end.year)
    if start.year == end.year:
        if whole_start_month and whole_end_month and (start.month, end.month) == (6, 8):
            return f"summer {start.year}"
        first, last = _part_of_year(start.month), _part_of_year(end.month)
        return _part(first, start.year) if first == last else f"{first.rstrip('-')} to {_part(last, start.year)}"
    first = str(start.year) if starts_year else _part(_part_of_year(start.month), start.year)
    last = str(end.year) if ends_year else _part(_part_of_year(end.month), end.year)
    if starts_year and not ends_year:
        return f"{first} to {last}"
    return f"{first}–{last}"


def event_date(start: pd.Timestamp, end: pd.Timestamp, open_ended: str = "") -> str:
    """An event's date in words, saying when the paper leaves its start open: 'no later than 2020'."""
    span = date_span(start, end)
    return f"no later than {span}" if open_ended == "start" else span


def figure_when(figure_id: str) -> str:
    """A figure's period in words: 'July 2017', 'mid 2024', '2024'; 'no date given in the paper' for none."""
    row = datasets.figures().set_index("id").loc[figure_id]
    return date_span(row["period_start"], row["period_end"])


def event_when(event_id: str) -> str:
    """An event's date in words, from the data ('late 2023–early 2024'; 'no later than 2020' when its start is open)."""
    row = datasets.events().set_index("id").loc[event_id]
    return event_date(row["date_start"], row["date_end"], row["open_ended"])


def capitalised(text: str) -> str:
    """The first letter in upper case, the rest untouched ('late November 2024' as 'Late November 2024')."""
    return text[:1].upper() + text[1:]
