"""The pandera schema of each data file, built from its one description in :mod:`schemas`.

pandera validates pandas frames directly and collects every failure in one pass
(``lazy=True``) with the row index of each; the metadata stays in plain
dataclasses (:mod:`schemas`) so that the Frictionless export is not tied to it.
Every cell is checked as the text it is: numbers with the one reader the loader
uses (:mod:`.numbers`), patterns against the whole cell, and text for control
characters, so that validation accepts exactly what loading and the reports use.
"""

from __future__ import annotations

import re
from typing import Callable

import pandas as pd
import pandera.pandas as pa

from . import numbers
from .resource import Field, Resource, as_date

# Control characters (tab and line feed aside), bidirectional overrides and isolates, line and paragraph
# separators and a stray byte-order mark: invisible in a report, or able to reorder what a reader sees.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def _real_dates(series: pd.Series) -> pd.Series:
    return as_date(series).notna() | series.isna()


def _plain_text(series: pd.Series) -> pd.Series:
    return series.isna() | ~series.astype("string").str.contains(CONTROL).fillna(False).astype(bool)


def _at_least(minimum: float) -> Callable[[pd.Series], pd.Series]:
    return lambda series: ~(numbers.to_numbers(series) < minimum)


def _matches(pattern: str) -> Callable[[pd.Series], pd.Series]:
    compiled = re.compile(pattern)
    return lambda series: series.isna() | series.map(lambda cell: isinstance(cell, str) and bool(compiled.fullmatch(cell)))


def _column(f: Field) -> pa.Column:
    checks = []
    if f.enum:
        checks.append(pa.Check.isin(f.enum, name="enum"))
    if f.effective_pattern:
        checks.append(pa.Check(_matches(f.effective_pattern), name="pattern"))
    if f.type == "date":
        checks.append(pa.Check(_real_dates, name="calendar_date"))
    if f.type in ("number", "integer"):
        checks.append(pa.Check(numbers.valid, name="number"))
    if f.type == "integer":
        checks.append(pa.Check(numbers.whole_or_empty, name="whole_number"))
    if f.minimum is not None:
        checks.append(pa.Check(_at_least(f.minimum), name="minimum"))
    checks.append(pa.Check(_plain_text, name="plain_text"))
    return pa.Column(str, checks=checks, nullable=not f.required, unique=f.unique, required=True)


def _tolerating_missing(holds: Callable[[pd.DataFrame], pd.Series]) -> Callable[[pd.DataFrame], pd.Series]:
    # A rule over cells that are missing or unreadable has nothing to say: those cells get their own message.
    return lambda df: holds(df).astype("boolean").fillna(True).astype(bool)


def pandera_schema(resource: Resource) -> pa.DataFrameSchema:
    """The pandera schema of one data file, built from its :class:`Resource`."""
    return pa.DataFrameSchema(
        {f.name: _column(f) for f in resource.fields},
        checks=[pa.Check(_tolerating_missing(rule.holds), name=rule.name) for rule in resource.row_rules],
        strict=True,
        ordered=True,
        unique=list(resource.primary_key) if len(resource.primary_key) > 1 else None,
        name=resource.path,
    )
