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
DATE_PRECISIONS = ("day", "month", "season", "year", "years")
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
JUDGEMENTS = ("most_solid", "weighed", "not_addressable", "open")
EVENTS_SCOPE = ("2015-01-01", "2024-12-31")
RELATIONS = ("equal", "at_most", "less_than", "greater_than", "unknown")
RATINGS = ("CC", "C", "N", "I", "II", "NA")
SCHEMES = ("heuer", "bayes")  # the ACH scoring schemes (analyses/ach/scoring.py)
