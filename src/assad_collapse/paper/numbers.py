"""The one reader of numbers in the data files, used by validation and loading alike.

A number is written in ASCII digits with an optional sign and decimal point
(``2.5``, ``-3``, ``.5``), optionally surrounded by spaces, and is finite. Nothing
else is a number: not ``NaN`` or ``inf``, not an exponent (``1e309``), not ``2_5``
(which Python's ``float`` reads as 25), not full-width or other non-ASCII digits.
Because validation accepts exactly what this module reads, the loader can never
read a cell differently from the way validation judged it.
"""

from __future__ import annotations

import math
import re

import pandas as pd

_DECIMAL = re.compile(r"[ \t]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))[ \t]*")
MAX_CHARS = 40  # far beyond any figure of the paper; keeps float() from reading huge digit strings

NUMBER_WORDS = "a number written with the digits 0-9, an optional sign and decimal point (no exponent, '_' or NaN)"


def parse_number(text: str) -> float:
    """The finite number ``text`` writes, or ValueError."""
    match = _DECIMAL.fullmatch(text) if isinstance(text, str) and len(text) <= MAX_CHARS else None
    value = float(match.group(1)) if match else math.nan
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not {NUMBER_WORDS}")
    return value


def to_numbers(series: pd.Series) -> pd.Series:
    """The cells of ``series`` as floats: NaN where empty or not a number."""
    return series.map(_or_nan).astype("float64")


def whole_or_empty(series: pd.Series) -> pd.Series:
    """Per cell: empty (or not a number), or a number with no fractional part."""
    values = to_numbers(series)
    return values.isna() | (values == values.round())


def valid(series: pd.Series) -> pd.Series:
    """True where a cell is empty or a number (emptiness is judged elsewhere)."""
    return series.isna() | series.map(_is_number).astype(bool)


def _or_nan(cell) -> float:
    try:
        return parse_number(cell)
    except ValueError:
        return math.nan


def _is_number(cell) -> bool:
    try:
        parse_number(cell)
    except ValueError:
        return False
    return True
