"""One schema per data file: the single definition of every column and check.

Each file of ``data/`` is described here once, in Frictionless Data terms
(fields with a type, description and constraints, a primary key, foreign keys).
From that one description come both the pandera schema that validates the file
(:mod:`.pandera_schemas`) and the Frictionless ``datapackage.json`` that lets any
tool load and validate the data (:mod:`.datapackage`). The allowed codes live in
:mod:`.vocabulary`.

pandera was chosen because it validates pandas frames directly, collects every
failure in one pass (``lazy=True``) with the row index of each, and is
maintained; we keep the metadata in plain dataclasses so that the Frictionless
export is not tied to pandera's own (partial) Frictionless support.
"""

from __future__ import annotations

from .resource import (
    Field, ForeignKey, Resource, RowRule, both_or_neither, bounds_in_order,
    bounds_present, id_field, locator_field, ordered, period_fields, value_within_bounds,
    whole_count,
)
from .vocabulary import (
    ACTORS, CHECK_BASES, DATE_PRECISIONS, EVENT_CATEGORIES, EVENTS_SCOPE, ID_PATTERN, JUDGEMENTS, LEVELS,
    OPEN_ENDS, PRECISIONS, QUESTIONS, RATINGS, RELATIONS, SOURCE_KINDS, TOPICS, UNITS,
)


OUTLINE = Resource(
    "outline",
    "Outline of the paper",
    "Each section and subsection of the paper in order, with its number of paragraphs (a "
    "blockquote or a whole list counts as one). Locators in the other files must name a row here.",
    (
        Field("section", "string", "Section heading (typographic apostrophes as ').", ),
        Field("subsection", "string", "Subsection heading; empty for paragraphs directly under the section.", required=False),
        Field("paragraphs", "integer", "Number of paragraphs under this heading.", minimum=1),
    ),
    primary_key=("section", "subsection"),
)

FIGURES = Resource(
    "figures",
    "Figures reported in the paper",
    "Every quantitative statement of the paper, one row each, with bounds, unit, period, "
    "precision, who gave it according to the paper and where it is. A range gives low and high "
    "and leaves value empty; a figure the paper leaves unquantified ('some', 'not known') has "
    "precision 'unspecified' and no number.",
    (
        id_field("Stable identifier of the figure."),
        Field("topic", "string", "What the figure is about.", enum=TOPICS),
        Field("measure", "string", "What is counted, in our words."),
        Field("group", "string", "The group, unit or institution the figure is about.", required=False),
        Field("value", "number", "The figure as stated; empty for a range or an unquantified figure.", required=False,
              minimum=0),
        Field("low", "number", "Lower bound; equal to value for a point figure.", required=False, minimum=0),
        Field("high", "number", "Upper bound; equal to value for a point figure; empty when open-ended.", required=False,
              minimum=0),
        Field("unit", "string", "Unit as stated (persons are persons, not thousands).", enum=UNITS),
        *period_fields("period", "period the figure describes", required=False),
        Field("precision", "string", "How precise the paper is.", enum=PRECISIONS),
        Field("source_kind", "string", "Who gave the figure according to the paper.", enum=SOURCE_KINDS),
        locator_field(),
        Field("part_of", "string", "The id of the figure this one is a part of (e.g. one militia of the militia total).",
              required=False, pattern=ID_PATTERN),
        Field("note", "string", "A short note in our own words.", required=False),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey(("part_of",), "figures", ("id",)),),
    row_rules=(
        RowRule(
            "bounds_match_precision",
            "low",
            "low and high (and value, if any) for an as_stated or approximate figure, low for "
            "'at_least', and no number at all for 'unspecified'",
            bounds_present,
            ("precision", "low", "high", "value"),
        ),
        RowRule("bounds_in_order", "low", "low <= high (the lower bound first)", bounds_in_order, ("low", "high")),
        RowRule("value_within_bounds", "value", "low <= value <= high", value_within_bounds, ("low", "value", "high")),
        *(whole_count(column) for column in ("value", "low", "high")),
        ordered("period_start", "period_end"),
        both_or_neither("period_start", "period_end"),
    ),
    locator_columns=("locator",),
)

EVENTS = Resource(
    "events",
    "Dated events",
    "Every dated event the paper mentions from 2015 to December 2024. A date known only to the "
    "month, season or year is a span from its first to its last possible day; 'early', 'mid' "
    "and 'late' in a year are January-April, May-August and September-December, and in a month "
    "days 1-10, 11-20 and 21 to the end. open_ended says which end of the span the paper leaves open.",
    (
        id_field("Stable identifier of the event."),
        *period_fields("date", "span in which the event happened (the same day twice for a dated day)"),
        Field("date_precision", "string", "How precisely the paper dates the event.", enum=DATE_PRECISIONS),
        Field("open_ended", "string", "'start' when the paper gives only a latest date (it may have begun earlier: "
              "'no later than', 'by'); 'end' when it gives no end (the stored end is the last date covered); else empty.",
              required=False, enum=OPEN_ENDS),
        Field("title", "string", "What happened, in our words."),
        Field("actors", "string", "Who acted, ';'-separated.", list_of=ACTORS),
        Field("category", "string", "Kind of event.", enum=EVENT_CATEGORIES),
        Field("turning_point", "string", "'yes' if the paper presents it as a turning point, else 'no'.", enum=("yes", "no")),
        locator_field(),
        Field("note", "string", "A short note in our own words.", required=False),
    ),
    primary_key=("id",),
    row_rules=(
        ordered("date_start", "date_end"),
        RowRule(
            "within_scope",
            "date_start",
            f"a span within {EVENTS_SCOPE[0]}..{EVENTS_SCOPE[1]} (the period the paper covers)",
            lambda df: (df["date_start"] >= EVENTS_SCOPE[0]) & (df["date_end"] <= EVENTS_SCOPE[1]),
            ("date_start", "date_end"),
        ),
    ),
    locator_columns=("locator",),
)

INTERVIEWS = Resource(
    "interviews",
    "Interviews by category of interviewee",
    "The paper's interview base by category; the counts themselves are figures (figure_id).",
    (
        id_field("Stable identifier of the category."),
        Field("category", "string", "Category of interviewee, in our words."),
        Field("source_kind", "string", "The kind of source these interviewees are.", enum=SOURCE_KINDS),
        Field("figure_id", "string", "The figure that gives how many interviews.", unique=True, pattern=ID_PATTERN),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey(("figure_id",), "figures", ("id",)),),
)

HYPOTHESES = Resource(
    "hypotheses",
    "Competing hypotheses",
    "The explanations the paper's conclusion weighs, grouped by the question they answer.",
    (
        id_field("Stable identifier of the hypothesis."),
        Field("question", "string", "collapse: why the regime fell; intent: did Russia weaken it on purpose.", enum=QUESTIONS),
        Field("label", "string", "Short label for charts."),
        Field("short_label", "string", "One word for narrow table headings (the matrix on a phone)."),
        Field("statement", "string", "The hypothesis in our words."),
        Field("sets_apart", "string", "What sets it apart from the other hypotheses of its question, so that at most one "
              "can be true (our sharpening of the paper's wording)."),
        Field("favoured_by", "string", "Who would favour it according to the paper.", required=False),
        Field("paper_judgement", "string", "What the paper concludes about it.", enum=JUDGEMENTS),
        locator_field(),
    ),
    primary_key=("id",),
    locator_columns=("locator",),
)

EVIDENCE = Resource(
    "evidence",
    "Evidence items",
    "Items of evidence from the paper that bear on the hypotheses, each with its source, date, "
    "credibility and relevance. Items with the same source_group come from one source.",
    (
        id_field("Stable identifier of the evidence item."),
        Field("summary", "string", "A one-line label for tables and charts, in our words."),
        Field("description", "string", "The evidence in our words."),
        Field("source_kind", "string", "Kind of source according to the paper.", enum=SOURCE_KINDS),
        Field("source_group", "string", "Items sharing a value come from the same source.", pattern=ID_PATTERN),
        *period_fields("period", "period the evidence describes", required=False),
        Field("credibility", "string", "How far the paper grounds the item: high for an event anyone could check or a point "
              "several kinds of source agree on; medium for a fact the author reports, a specific account by a source in a "
              "position to know, or the author's own judgement; low for one partisan or second-hand voice, or a guess.",
              enum=LEVELS),
        Field("relevance", "string", "How directly the item bears on what separates the hypotheses: high for the regime's "
              "viability, Russia's motive or the regime's worth to Russia; medium for the course of the collapse; low for "
              "background.", enum=LEVELS),
        Field("figure_ids", "string", "Figures the item rests on, ';'-separated.", required=False,
              pattern=r"^[a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*$"),
        locator_field(),
    ),
    primary_key=("id",),
    row_rules=(ordered("period_start", "period_end"), both_or_neither("period_start", "period_end")),
    locator_columns=("locator",),
)

RATINGS_RESOURCE = Resource(
    "ratings",
    "Ratings of evidence against hypotheses",
    "How consistent each evidence item is with each hypothesis of its question: CC very "
    "consistent, C consistent, N neutral (the item bears on the hypothesis but can be read either way), "
    "I inconsistent, II very inconsistent, NA not applicable (the item does not bear on the hypothesis).",
    (
        Field("evidence_id", "string", "The evidence item.", pattern=ID_PATTERN),
        Field("hypothesis_id", "string", "The hypothesis.", pattern=ID_PATTERN),
        Field("rating", "string", "Consistency of the item with the hypothesis.", enum=RATINGS),
        Field("rationale", "string", "One line in our words on why."),
    ),
    primary_key=("evidence_id", "hypothesis_id"),
    foreign_keys=(
        ForeignKey(("evidence_id",), "evidence", ("id",)),
        ForeignKey(("hypothesis_id",), "hypotheses", ("id",)),
    ),
)

EXPRESSION_PATTERN = r"^[a-z0-9_ .()+*/-]+$"

CHECKS = Resource(
    "checks",
    "Consistency checks of the paper's own arithmetic",
    "Each row states a relation the paper implies between its own figures: left and right are "
    "arithmetic over figure ids, derived-figure ids and numbers (+ - * / and parentheses; sum(x) "
    "is the sum of the quantified parts of figure x). 'unknown' marks a comparison the paper makes "
    "with a figure it never gives: an open question, not a check. 'tension' marks statements that pull "
    "against each other, described in the claim with no expressions.",
    (
        id_field("Stable identifier of the check."),
        Field("claim", "string", "What the paper says or implies, in our words."),
        Field("left", "string", "Left-hand expression (empty for a tension).", required=False, pattern=EXPRESSION_PATTERN),
        Field("relation", "string", "How left relates to right if the paper is consistent.", enum=RELATIONS),
        Field("right", "string", "Right-hand expression (empty for a tension).", required=False, pattern=EXPRESSION_PATTERN),
        locator_field(),
        Field("basis", "string", "stated: the paper says it; implied: it follows from what the paper says; "
              "inference: this project's reading, not the paper's; noted: a tension between statements of the paper "
              "that this project notes (every tension, and only a tension).", enum=CHECK_BASES),
        Field("note", "string", "A short note in our own words.", required=False),
    ),
    primary_key=("id",),
    row_rules=(
        RowRule(
            "expressions_unless_tension",
            "left",
            "both expressions for a relation, and none for a tension",
            lambda df: (df["relation"] == "tension") == (df["left"].isna() & df["right"].isna()),
            ("relation", "left", "right"),
        ),
        RowRule(
            "noted_exactly_for_tension",
            "basis",
            "basis 'noted' for a tension (this project notes it), and for nothing else",
            lambda df: (df["relation"] == "tension") == (df["basis"] == "noted"),
            ("relation", "basis"),
        ),
    ),
    locator_columns=("locator",),
)

RESOURCES: dict[str, Resource] = {
    r.name: r for r in (OUTLINE, FIGURES, EVENTS, INTERVIEWS, HYPOTHESES, EVIDENCE, RATINGS_RESOURCE, CHECKS)
}
