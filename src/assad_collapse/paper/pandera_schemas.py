"""The pandera schema of each data file, built from its one description in :mod:`schemas`.

pandera validates pandas frames directly and collects every failure in one pass
(``lazy=True``) with the row index of each; the metadata stays in plain
dataclasses (:mod:`schemas`) so that the Frictionless export is not tied to it.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd
import pandera.pandas as pa

from .schemas import Field, Resource, _as_date

_PANDERA_DTYPES = {"string": str, "date": str, "number": "Float64", "integer": "Int64"}


def _real_dates(series: pd.Series) -> pd.Series:
    return _as_date(series).notna() | series.isna()


def _column(f: Field) -> pa.Column:
    checks = []
    if f.enum:
        checks.append(pa.Check.isin(f.enum, name="enum"))
    if f.effective_pattern:
        checks.append(pa.Check.str_matches(f.effective_pattern, name="pattern"))
    if f.type == "date":
        checks.append(pa.Check(_real_dates, name="calendar_date"))
    if f.minimum is not None:
        checks.append(pa.Check.ge(f.minimum, name="minimum"))
    return pa.Column(
        _PANDERA_DTYPES[f.type],
        checks=checks,
        nullable=not f.required,
        unique=f.unique,
        coerce=f.type in ("number", "integer"),
        required=True,
    )


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
