"""Citations to the paper: figures quoted with a link to their row, and the sources table those links land on."""

from __future__ import annotations

import html

from IPython.display import HTML, display

from ..paper import datasets
from ..paper.derived import derived_figure, derived_figures
from ..paper.lookup import locators_of
from .prose import esc, quantity, show, stated_value

DATA_LINK = "data/"


def cite(*ids: str) -> str:
    """Compact citations '[¶n]', one per paragraph, linking to the first id's row in the sources section."""
    links: dict[str, str] = {}
    for i in ids:
        for locator in locators_of(i):
            paragraph = locator.rsplit("¶", 1)[1]
            links.setdefault(locator, f'[¶{paragraph}](#src-{i} "{esc(locator)}")')
    text = ", ".join(links.values())
    return f"[{text}]" if len(links) > 1 else text


def stated(figure_id: str) -> str:
    """A figure of the paper as prose, with its precision and a citation."""
    return f"{stated_value(figure_id)} {cite(figure_id)}"


def derived(derived_id: str) -> str:
    """A derived figure as prose: the value with bounds, marked as derived, with its formula."""
    q = derived_figure(derived_id)
    unit = derived_figures().set_index("id").loc[derived_id, "unit"]
    return f"{quantity(q, unit)} (derived: {esc(q.formula)}) {cite(derived_id)}"


def sources_table(ids: list[str]) -> str:
    """HTML table of the figures, derived figures and events used, each row anchored for citations."""
    figs = datasets.figures().set_index("id")
    derived = derived_figures().set_index("id")
    events = datasets.events().set_index("id")
    e = lambda text: html.escape(str(text), quote=True)  # noqa: E731
    rows = []
    for i in dict.fromkeys(ids):
        where = "<br>".join(e(l) for l in locators_of(i))
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
    show("## Sources\n\nAntonio Giustozzi, *Russia and the Collapse of the Assad Regime*, RUSI, 18 February 2025. "
         "A locator gives section › subsection › paragraph (¶), counting a blockquote or a list as one paragraph.")
    display(HTML(sources_table(ids)))
    show(f"Cleaned data used by this report: [figures.csv]({DATA_LINK}figures.csv), "
         f"[derived.csv]({DATA_LINK}derived.csv), [events.csv]({DATA_LINK}events.csv).")
