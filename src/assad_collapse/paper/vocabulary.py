"""The controlled vocabularies and patterns of the data files: every allowed code in one place."""

from __future__ import annotations

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

TOPICS = ("funding", "manpower", "advisers", "equipment", "sources")
UNITS = ("persons", "usd_bn", "usd_bn_per_year", "percent", "aircraft", "interviews")
PRECISIONS = ("as_stated", "approximate", "at_least", "unspecified")
"""as_stated: the number as the paper gives it, round or not ("$3 billion", "671"); approximate: "around",
"roughly", "some"; at_least: a lower bound; unspecified: no number ("some", "not known")."""
SOURCE_KINDS = (
    "author",
    "syrian_officer",
    "syrian_official",
    "russian_official",
    "russian_pmc",
    "iranian_adviser",
    "journalist",
    "translator",
    "unnamed_source",
    "unattributed",
)
"""Who gave a figure or item according to the paper. unnamed_source: a source or interviewee the paper does
not name ("another source", "sources say", a quoted interviewee); unattributed: the author states it and
names no source; author: the author's own judgement or inference."""
DATE_PRECISIONS = ("day", "days", "month", "season", "year", "years")
"""days: part of a month ("late November": early, mid and late in a month are days 1-10, 11-20 and 21 to the end);
season: part of a year or a span across a year's end ("late 2023-early 2024")."""
OPEN_ENDS = ("start", "end")
"""Which end of an event's span the paper leaves open: start, it bounds the date only from above ("no later than
2020", "by 2024"), so it may have begun earlier; end, it gives no end ("from 2019 onward", "until at least"), so the
stored end is the end of what the paper covers or the last date it vouches for."""
EVENT_CATEGORIES = (
    "intervention",
    "support",
    "command",
    "politics",
    "diplomacy",
    "combat",
    "regional",
    "collapse",
)
ACTORS = (
    "russia",
    "syrian_regime",
    "syrian_army",
    "iran",
    "hizbollah",
    "turkiye",
    "israel",
    "gulf_states",
    "usa",
    "china",
    "ukraine",
    "opposition",
    "former_rebels",
    "wagner",
)
LEVELS = ("low", "medium", "high")
QUESTIONS = ("collapse", "intent")
JUDGEMENTS = ("most_solid", "probable", "weighed", "not_addressable", "open", "split_from_lean")
"""What the paper concludes about a hypothesis: most_solid (its preferred answer), probable (it leans to it, "probably",
without settling the question), weighed, not_addressable (too little evidence, it says), open (left open),
split_from_lean (this project's reading: part of what the paper leans to, split off by this project, not by the paper)."""
EVENTS_SCOPE = ("2015-01-01", "2024-12-31")
RELATIONS = ("equal", "at_most", "less_than", "greater_than", "unknown", "tension")
"""unknown: a comparison with a figure the paper never gives; tension: statements of the paper that pull against
each other, described in words (no expressions), noted rather than computed."""
CHECK_BASES = ("stated", "implied", "inference", "noted")
"""Where a check comes from: stated, the paper says the relation itself; implied, it follows from what the paper
says; inference, this project's reading, which the paper does not make; noted, a tension this project notes between
statements of the paper (the paper does not point it out)."""
RATINGS = ("CC", "C", "N", "I", "II", "NA")
DATA_FILE_WORDS = {
    "figures": "The paper's figures",
    "derived": "Figures worked out from them",
    "events": "Dated events",
    "interviews": "Interviews by kind of interviewee",
    "hypotheses": "The competing explanations",
    "evidence": "Evidence items",
    "ratings": "Ratings of the evidence",
    "checks": "Checks of the paper's arithmetic",
    "outline": "Outline of the paper",
}
"""What each published data file holds, in a reader's words (the link text wherever the downloads are listed)."""


def data_file_words(name: str) -> str:
    """A data file ('figures.csv' or 'figures') by what it holds: "The paper's figures"."""
    stem = name.removesuffix(".csv")
    return DATA_FILE_WORDS.get(stem, stem.replace("_", " "))

SCHEMES = ("heuer", "bayes")
"""The ACH scoring schemes (analyses/ach): PARC's weighted inconsistency, or the Bayesian reading."""
LADDERS = ("heuer", "symmetric")
"""Bayesian likelihood ladders: only inconsistency counts (Heuer), or consistency counts too."""
NA_MODES = ("zero", "average")
"""How a not-applicable rating is scored: as nothing, or as the item's average over the other hypotheses."""
