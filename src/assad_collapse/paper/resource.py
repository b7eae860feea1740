"""The building blocks of a schema: a column (Field), a check across a row (RowRule), a key, a file (Resource).

Each data file's schema (:mod:`.schemas`) is made of these, together with the
field and rule makers several files share (an id, a locator, a period, ordered
dates, whole counts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from .numbers import NUMBER_WORDS, to_numbers, whole_or_empty
from .vocabulary import ID_PATTERN, ISO_DATE_PATTERN


@dataclass(frozen=True)
class Field:
    """One column, described in Frictionless Table Schema terms."""

    name: str
    type: str  # Frictionless type: string, number, integer, date
    description: str
    required: bool = True
    unique: bool = False
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    pattern: str | None = None
    list_of: tuple[str, ...] | None = None  # ';'-separated values, each from this vocabulary

    @property
    def effective_pattern(self) -> str | None:
        if self.list_of:
            choice = "|".join(map(re.escape, self.list_of))
            return rf"^({choice})(;({choice}))*$"
        if self.type == "date":
            return ISO_DATE_PATTERN
        return self.pattern

    def expected(self) -> str:
        """What a valid cell of this column looks like, in words for an error message."""
        if self.list_of:
            return "one or more of " + ", ".join(self.list_of) + " joined by ';'"
        if self.enum:
            return "one of " + ", ".join(self.enum)
        words = {
            "number": NUMBER_WORDS,
            "integer": "a whole number written with the digits 0-9",
            "date": "a real calendar date written YYYY-MM-DD",
            "string": "text",
        }[self.type]
        if self.minimum is not None:
            words += f" >= {self.minimum:g}"
        if self.pattern == ID_PATTERN:
            words = "an id of lower-case letters, digits and '_' starting with a letter"
        return words


@dataclass(frozen=True)
class RowRule:
    """A check across the columns of one row; ``holds`` returns True for good rows."""

    name: str
    column: str  # the column the message points at
    expected: str
    holds: Callable[[pd.DataFrame], pd.Series]
    reads: tuple[str, ...] = ()  # every column ``holds`` looks at


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    """One data file: its name, path, meaning, fields and keys."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    row_rules: tuple[RowRule, ...] = ()
    locator_columns: tuple[str, ...] = field(default=())

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def id_field(description: str) -> Field:
    return Field("id", "string", description, unique=True, pattern=ID_PATTERN)


def locator_field() -> Field:
    return Field(
        "locator",
        "string",
        "Where in the paper: 'Section › Subsection › ¶n' (or 'Section › ¶n'), several joined by "
        "';'. Sections, subsections and paragraph counts are those of outline.csv.",
    )


def period_fields(prefix: str, what: str, required: bool = True) -> tuple[Field, Field]:
    empty = "" if required else " Both empty when the paper gives no period."
    return (
        Field(f"{prefix}_start", "date", f"First day of the {what}.{empty}", required=required),
        Field(f"{prefix}_end", "date", f"Last day of the {what}.{empty}", required=required),
    )


def both_or_neither(start: str, end: str) -> RowRule:
    return RowRule(
        f"{start}_and_{end}_together",
        end,
        f"a date when {start} has one, and empty when it is empty",
        lambda df: df[start].isna() == df[end].isna(),
        (start, end),
    )


def as_date(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")


def ordered(start: str, end: str) -> RowRule:
    return RowRule(
        f"{start}_before_{end}",
        end,
        f"a date on or after {start}",
        lambda df: ~(as_date(df[start]) > as_date(df[end])),
        (start, end),
    )


def bounds_present(df: pd.DataFrame) -> pd.Series:
    unspecified = df["precision"] == "unspecified"
    at_least = df["precision"] == "at_least"
    has_low, has_high, has_value = df["low"].notna(), df["high"].notna(), df["value"].notna()
    numbered = has_low & (has_high | at_least)
    return (unspecified & ~has_low & ~has_high & ~has_value) | (~unspecified & numbered)


def bounds_in_order(df: pd.DataFrame) -> pd.Series:
    return ~(to_numbers(df["low"]) > to_numbers(df["high"]))


def value_within_bounds(df: pd.DataFrame) -> pd.Series:
    low, value, high = (to_numbers(df[c]) for c in ("low", "value", "high"))
    return ~((low > value) | (value > high))


COUNT_UNITS = ("persons", "aircraft", "interviews")


def whole_count(column: str) -> RowRule:
    """A count (persons, aircraft, interviews) is a whole number: 2.5 interviews cannot be published as 2."""
    def holds(df: pd.DataFrame) -> pd.Series:
        return ~df["unit"].isin(COUNT_UNITS) | whole_or_empty(df[column])

    return RowRule(f"whole_count_{column}", column, f"a whole number: the unit is a count ({', '.join(COUNT_UNITS)})",
                   holds, ("unit", column))
