"""Prose for reports: data text escaped for Markdown and HTML, and numbers in the house format.

Everything that comes from a data file (notes, labels, titles) is escaped before
it enters Markdown or HTML, so a CSV cell can never inject markup into a report.
"""

from __future__ import annotations

import html
import re

import pandas as pd
from IPython.display import Markdown, display

from ..paper import datasets
from ..paper.quantity import Quantity

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def esc(text: object) -> str:
    """Escape data text for Markdown that is rendered to HTML: Markdown syntax first, then HTML."""
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", str(text)), quote=False)


def show(markdown: str) -> None:
    """Display Markdown in the notebook (and so in the HTML report).

    Dollar signs are escaped: reports quote money, never maths, and '$3bn ... $1.5bn'
    would otherwise be typeset as LaTeX.
    """
    display(Markdown(markdown.replace("$", "\\$")))


def number(x: float, unit: str) -> str:
    """One number in the unit's house format."""
    if unit in ("usd_bn", "usd_bn_per_year"):
        text = f"${x:,.2f}".rstrip("0").rstrip(".") + "bn"
        return text + (" a year" if unit == "usd_bn_per_year" else "")
    if unit == "percent":
        return f"{x:,.1f}".rstrip("0").rstrip(".") + "%"
    words = {"persons": "", "aircraft": " aircraft", "interviews": " interviews"}
    return f"{x:,.0f}" + words.get(unit, "")


def quantity(q: Quantity, unit: str, approximate: bool = False) -> str:
    """A quantity with its bounds: '≈$0.75bn a year' or '20,000–25,000'."""
    prefix = "about " if approximate else ""
    if q.is_point:
        return prefix + number(q.value, unit)
    return f"{prefix}{number(q.value, unit)} (range {number(q.low, unit)}–{number(q.high, unit)})"


def stated_value(figure_id: str) -> str:
    """A figure of the paper as it is stated: 'about 80', '20,000–25,000', or 'not quantified'."""
    row = datasets.figures().set_index("id").loc[figure_id]
    if not row["quantified"]:
        return "not quantified in the paper"
    unit = row["unit"]
    if row["central_is_midpoint"]:
        text = f"{number(row['low'], unit)}–{number(row['high'], unit)}"
    else:
        text = number(row["value"], unit)
    if row["precision"] == "approximate":
        text = "about " + text
    elif row["precision"] == "at_least":
        text = "at least " + text
    return text


def table(frame: pd.DataFrame) -> str:
    """A small data frame as an escaped Markdown table."""
    head = "| " + " | ".join(esc(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    body = ["| " + " | ".join(esc(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])
