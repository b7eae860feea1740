"""Prose for reports: numbers formatted from data, citations to the paper, a sources table.

Everything that comes from a data file (notes, labels, titles) is escaped before
it enters Markdown or HTML, so a CSV cell can never inject markup into a report.
"""

from __future__ import annotations

import html
import re

import pandas as pd
from IPython.display import Markdown, display

from . import datasets
from .quantity import Quantity

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
DATA_LINK = "data/"


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


def stated(figure_id: str) -> str:
    """A figure of the paper as prose, with its precision and a citation."""
    return f"{stated_value(figure_id)} {cite(figure_id)}"


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


def cite(*ids: str) -> str:
    """Compact citations '[¶n]', one per paragraph, linking to the first id's row in the sources section."""
    links: dict[str, str] = {}
    for i in ids:
        for locator in datasets.locators_of(i):
            paragraph = locator.rsplit("¶", 1)[1]
            links.setdefault(locator, f'[¶{paragraph}](#src-{i} "{esc(locator)}")')
    text = ", ".join(links.values())
    return f"[{text}]" if len(links) > 1 else text


def derived(derived_id: str) -> str:
    """A derived figure as prose: the value with bounds, marked as derived, with its formula."""
    q = datasets.derived_figure(derived_id)
    unit = datasets.derived_figures().set_index("id").loc[derived_id, "unit"]
    return f"{quantity(q, unit)} (derived: {esc(q.formula)}) {cite(derived_id)}"


def sources_table(ids: list[str]) -> str:
    """HTML table of the figures, derived figures and events used, each row anchored for citations."""
    figs = datasets.figures().set_index("id")
    derived = datasets.derived_figures().set_index("id")
    events = datasets.events().set_index("id")
    e = lambda text: html.escape(str(text), quote=True)  # noqa: E731
    rows = []
    for i in dict.fromkeys(ids):
        where = "<br>".join(e(l) for l in datasets.locators_of(i))
        if i in figs.index:
            row = figs.loc[i]
            what = f"{e(row['measure'])} <span class=\"group\">({e(row['group'])})</span>" if row["group"] else e(row["measure"])
            stated_as = f"{e(stated_value(i))}<br><small>{e(row['precision'].replace('_', ' '))}; per the paper: {e(row['source_kind'].replace('_', ' '))}</small>"
        elif i in derived.index:
            row = derived.loc[i]
            what = e(row["measure"])
            stated_as = f"derived: {e(row['formula'])}"
        else:
            row = events.loc[i]
            what = "Event: " + e(row["title"])
            span = f"{row['date_start']:%Y-%m-%d}" + ("" if row["date_start"] == row["date_end"] else f" to {row['date_end']:%Y-%m-%d}")
            stated_as = f"{span}<br><small>dated to the {e(row['date_precision'])}</small>"
        rows.append((f"src-{i}", [f"<code>{e(i)}</code>", what, stated_as, where]))
    return html_table(["Id", "What", "Value", "Where in the paper"], rows)


def html_table(headers: list[str], rows: list[tuple[str | None, list[str]]]) -> str:
    """A sources-style HTML table; ``rows`` are (anchor id or None, cells). Cells must already be escaped HTML."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        (f'<tr id="{html.escape(anchor)}">' if anchor else "<tr>") + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for anchor, cells in rows
    )
    return f'<table class="sources"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def sources_section(ids: list[str]) -> None:
    """Show the closing sources section: the table and links to the cleaned data."""
    from IPython.display import HTML

    show("## Sources\n\nAntonio Giustozzi, *Russia and the Collapse of the Assad Regime*, RUSI, 18 February 2025. "
         "A locator gives section › subsection › paragraph (¶), counting a blockquote or a list as one paragraph.")
    display(HTML(sources_table(ids)))
    show(f"Cleaned data used by this report: [figures.csv]({DATA_LINK}figures.csv), "
         f"[derived.csv]({DATA_LINK}derived.csv), [events.csv]({DATA_LINK}events.csv).")


def table(frame: pd.DataFrame) -> str:
    """A small data frame as an escaped Markdown table."""
    head = "| " + " | ".join(esc(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    body = ["| " + " | ".join(esc(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])
