"""Prose for reports: data text escaped for Markdown and HTML, and numbers in the house format.

Everything that comes from a data file (notes, labels, titles) is escaped before
it enters Markdown or HTML, so a CSV cell can never inject markup into a report
and always shows exactly as written. Numbers are rounded as the source allows:
a figure the paper gives as approximate, and anything worked out from one, reads
"about" and keeps two significant figures.
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd
from IPython.display import HTML, Markdown, display

from ..paper import datasets
from ..paper.derived import derived_figure, derived_figures
from ..paper.quantity import Quantity
from . import labels

# Markdown syntax, plus ':' so that a bare 'https://...' in data text never becomes a live link.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~:-])")
WORD_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def esc(text: object) -> str:
    """Data text for Markdown that is rendered to HTML: HTML characters as entities, then Markdown syntax escaped.

    The order matters: escaping Markdown first would turn '>' into '\\&gt;', which shows as '&gt;'.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def attr(text: object) -> str:
    """Data text for an HTML attribute value (quotes included)."""
    return html.escape(str(text), quote=True)


def reader_markdown(markdown: str) -> str:
    """Markdown as a reader should see it: dollar signs escaped (reports quote money, never maths, and
    '$3bn ... $1.5bn' would otherwise be typeset as LaTeX) and year spans with an en dash."""
    return labels.typeset(markdown).replace("$", "\\$")


_TEXT_BETWEEN_TAGS = re.compile(r">([^<]*)<")


def reader_html(markup: str) -> str:
    """HTML as a reader should see it: in its text (not its attributes), year spans with an en dash and each dollar
    sign in an element of its own.

    JupyterLab typesets HTML outputs too, and MathJax there reads two dollars in one run of text
    as maths; an element boundary ends the run. The HTML report looks the same either way.
    """
    return _TEXT_BETWEEN_TAGS.sub(lambda m: ">" + labels.typeset(m.group(1)).replace("$", "<span>$</span>") + "<", markup)


def show(markdown: str) -> None:
    """Display Markdown in the notebook (and so in the HTML report), dollar signs escaped."""
    display(Markdown(reader_markdown(markdown)))


def show_html(markup: str) -> None:
    """Display HTML in the notebook (and so in the HTML report), dollar signs kept from being read as maths."""
    display(HTML(reader_html(markup)))


def _significant(x: float, digits: int) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def number(x: float, unit: str, approximate: bool = False) -> str:
    """One number in the unit's house format; an approximate one keeps two significant figures."""
    if approximate:
        x = _significant(x, 2)
    if unit in ("usd_bn", "usd_bn_per_year"):
        text = f"${x:,.2f}".rstrip("0").rstrip(".") + "bn"
        return text + (" a year" if unit == "usd_bn_per_year" else "")
    if unit == "percent":
        return f"{x:,.1f}".rstrip("0").rstrip(".") + "%"
    words = {"persons": "", "aircraft": " aircraft", "interviews": " interviews"}
    return f"{x:,.0f}" + words.get(unit, "")


def quantity(q: Quantity, unit: str, approximate: bool = False) -> str:
    """A quantity with its bounds: 'about $0.75bn a year' or '20,000–25,000'."""
    prefix = "about " if approximate else ""
    if q.is_point:
        return prefix + number(q.value, unit, approximate)
    low, high = number(q.low, unit, approximate), number(q.high, unit, approximate)
    if low == high:
        return prefix + low
    return f"{prefix}{_range(low, high)}"


def _range(low: str, high: str) -> str:
    """'20,000–25,000'; '$0.5bn–$1bn a year' keeps the unit words once, at the end."""
    for tail in (" a year", "%"):
        if low.endswith(tail) and high.endswith(tail):
            return f"{low.removesuffix(tail)}–{high}"
    return f"{low}–{high}"


def stated_value(figure_id: str) -> str:
    """A figure of the paper as it is stated: 'about 80', '20,000–25,000', or 'not quantified in the paper'."""
    row = datasets.figures().set_index("id").loc[figure_id]
    if not row["quantified"]:
        return "not quantified in the paper"
    unit = row["unit"]
    if row["central_is_midpoint"]:
        text = _range(number(row["low"], unit), number(row["high"], unit))
    else:
        text = number(row["value"], unit)
    if row["precision"] == "approximate":
        text = "about " + text
    elif row["precision"] == "at_least":
        text = "at least " + text
    return text


def is_approximate(item_id: str) -> bool:
    """Whether a figure is approximate, or a derived figure rests on one that is (then it reads 'about' too)."""
    figures = datasets.figures().set_index("id")
    if item_id in figures.index:
        return figures.loc[item_id, "precision"] in ("approximate", "at_least")
    derived = derived_figures().set_index("id")
    return any(is_approximate(s) for s in derived.loc[item_id, "sources"].split(";") if s)


def derived_value(derived_id: str) -> str:
    """A derived figure's value as a reader reads it: 'about $0.75bn a year', 'about 63%', 'about 12%', '30%'.

    A share worked out from the paper's round figures is no more precise than they are: it is given to
    the whole percent, and reads "about" when that rounds it (147,000 to 55,000 is "about 63%" fewer, not 62.6%)."""
    unit = derived_figures().set_index("id").loc[derived_id, "unit"]
    q, approximate = derived_figure(derived_id), is_approximate(derived_id)
    if unit == "percent" and not approximate and q.is_point and q.value != round(q.value):
        return "about " + number(round(q.value), unit)
    return quantity(q, unit, approximate=approximate)


FRACTIONS = ((1 / 4, "a quarter"), (1 / 3, "a third"), (1 / 2, "half"), (2 / 3, "two-thirds"), (3 / 4, "three-quarters"))


def fraction(percent: float) -> str | None:
    """A share as a reader says it: 'nearly two-thirds' (62.6), 'about half' (51), 'just over a third' (35);
    None when no quarter, third or half is within 8% of it."""
    share = percent / 100
    best, words = min(FRACTIONS, key=lambda f: abs(f[0] - share))
    if abs(share - best) > 0.08 * best:
        return None
    if abs(share - best) <= 0.02 * best:
        return f"about {words}"
    return f"nearly {words}" if share < best else f"just over {words}"


def value(item_id: str) -> str:
    """A figure or derived figure's value in words."""
    if item_id in set(derived_figures()["id"]):
        return derived_value(item_id)
    return stated_value(item_id)


def one_in(percent: float) -> str | None:
    """A share as 'one in eight' when it is close to one in n (n from 2 to 10), else None."""
    if percent <= 0:
        return None
    n = round(100 / percent)
    if 2 <= n <= 10 and abs(100 / n - percent) <= 0.08 * percent:
        return f"one in {WORD_NUMBERS[n]}"
    return None


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 event', '3 events': the noun agrees with its number."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def join(items: list[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def table(frame: pd.DataFrame) -> str:
    """A small data frame as an escaped Markdown table."""
    head = "| " + " | ".join(esc(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    body = ["| " + " | ".join(esc(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])
