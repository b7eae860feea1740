"""Citations a reader can follow: numbered notes [1] in the text, and the sources section they land on.

A note is numbered the first time its figure, derived figure or event is cited, so
the numbers run in reading order. Each note's row in the sources section gives what
the figure is, its value as the paper gives it, how precise the paper is, who gave
it, and where in the paper it is; the row is highlighted when a citation lands on
it and links back to the text. A derived figure shows its value, and how it was
worked out in words; its formula over ids is only in the downloads.
"""

from __future__ import annotations

import html

from IPython.display import display

from ..paper import datasets
from ..paper.derived import derived_figures
from ..paper.lookup import locators_of
from ..paper.vocabulary import data_file_words
from . import labels, prose, usage
from .workings import working

DATA_LINK = "data/"
DATA_USED_MIME = "application/vnd.assad-collapse.data-used+json"
REFERENCE = ("Antonio Giustozzi, *Russia and the Collapse of the Assad Regime*, Royal United Services Institute (RUSI), "
             "18 February 2025.")
DATE_PRECISION_WORDS = {"day": "dated to the day", "month": "dated to the month", "season": "dated to a part of the year",
                        "year": "dated to the year", "years": "spans several years"}


class Notes:
    """The report's notes: a number per cited id, in the order first cited, and how often each was cited."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.uses: dict[str, int] = {}

    def number(self, item_id: str) -> int:
        if item_id not in self.numbers:
            self.numbers[item_id] = len(self.numbers) + 1
        return self.numbers[item_id]

    def use(self, item_id: str) -> tuple[int, int]:
        """Cite ``item_id`` once more: its note number and which use of it this is (1 for the first)."""
        n = self.number(item_id)
        self.uses[item_id] = self.uses.get(item_id, 0) + 1
        return n, self.uses[item_id]


NOTES = Notes()


def reset() -> None:
    """Start numbering afresh (a notebook's kernel starts with fresh notes anyway)."""
    global NOTES
    NOTES = Notes()


def _where(item_id: str) -> str:
    return "; ".join(labels.locator(l) for l in locators_of(item_id))


def cite(*ids: str) -> str:
    """Numbered note links '[1]' or '[1, 2]', each to its row in the sources section (inline HTML)."""
    links = []
    for i in dict.fromkeys(ids):
        n, k = NOTES.use(i)
        links.append(f'<a class="cite" id="cite-{prose.attr(i)}-{k}" href="#src-{prose.attr(i)}" '
                     f'title="{prose.attr(_where(i))}">{n}</a>')
    return f"[{', '.join(links)}]" if links else ""


def stated(figure_id: str) -> str:
    """A figure of the paper as prose, with its precision and a citation: 'about $2.5bn a year [1]'."""
    return f"{prose.stated_value(figure_id)} {cite(figure_id)}"


def derived(derived_id: str) -> str:
    """A derived figure as prose, value first: 'about $0.75bn a year [3]' (its working is in its note)."""
    return f"{prose.derived_value(derived_id)} {cite(derived_id)}"


def workings(*derived_ids: str) -> str:
    """A collapsed 'How this was worked out' block (HTML) with each derived figure's working in words."""
    items = "".join(
        f"<li>{html.escape(labels.label(d))}: <strong>{html.escape(prose.derived_value(d))}</strong>, from "
        f"{html.escape(working(d))}.</li>" for d in dict.fromkeys(derived_ids))
    summary = "How this was worked out" if len(set(derived_ids)) == 1 else "How these were worked out"
    return f'<details class="working"><summary>{summary}</summary><ul>{items}</ul></details>'


def data_files(ids) -> list[str]:
    """The data files behind these ids: figures.csv for figures, derived.csv (and figures.csv) for derived figures,
    events.csv for events."""
    figures, derived, events = set(datasets.figures()["id"]), set(derived_figures()["id"]), set(datasets.events()["id"])
    files = set()
    for i in ids:
        if i in figures:
            files.add("figures.csv")
        elif i in derived:
            files |= {"derived.csv", "figures.csv"}
        elif i in events:
            files.add("events.csv")
    order = ("figures.csv", "derived.csv", "events.csv")
    return sorted(files, key=lambda f: order.index(f))


def ids_behind(ids) -> list[str]:
    """The ids cited and, for a derived figure, the figures it is computed from: every data row a report rests on."""
    sources = dict(zip(derived_figures()["id"], derived_figures()["sources"]))
    out = set(ids)
    for i in ids:
        out.update(s for s in sources.get(i, "").split(";") if s)
    return sorted(out)


def _uncited(item_id: str, behind: dict[str, int]) -> str:
    """Why a note that no text cites is listed: a derived figure rests on it, or a chart draws it."""
    if item_id in behind:
        return f" <small>(behind note {behind[item_id]})</small>"
    return " <small>(drawn in a chart)</small>"


def _row(item_id: str, figs, derived, events, behind: dict[str, int]) -> list[str]:
    e = html.escape
    n = NOTES.number(item_id)
    back = (f' <a class="back" href="#cite-{e(item_id)}-1" aria-label="Back to the text of note {n}">↩</a>'
            if NOTES.uses.get(item_id) else _uncited(item_id, behind))
    where = "<br>".join(e(l) for l in labels.locators(";".join(locators_of(item_id))))
    if item_id in figs.index:
        row = figs.loc[item_id]
        what = e(labels.label(item_id))
        return [f"{n}{back}", what, e(prose.stated_value(item_id)), e(labels.precision(row["precision"])),
                e(labels.source_kind(row["source_kind"])), where]
    if item_id in derived.index:
        sources = [s for s in derived.loc[item_id, "sources"].split(";") if s]
        notes = prose.join([str(NOTES.number(s)) for s in sources])
        what = (f"{e(labels.label(item_id))}<details class=\"working\"><summary>How this was worked out</summary>"
                f"{e(working(item_id))}.</details>")
        precision = "about: it rests on approximate figures" if prose.is_approximate(item_id) else "as worked out"
        word = "note" if len(sources) == 1 else "notes"
        return [f"{n}{back}", what, e(prose.derived_value(item_id)), precision,
                f"worked out by this report from {word} {notes}", where]
    row = events.loc[item_id]
    return [f"{n}{back}", e(labels.label(item_id)), e(labels.event_date(row["date_start"], row["date_end"], row["open_ended"])),
            e(DATE_PRECISION_WORDS.get(row["date_precision"], "")), "the paper's account", where]


HEADERS = ["Note", "What", "Value", "How precise", "Who gave it", "Where in the paper"]


def sources_table(ids) -> str:
    """HTML table of the notes: every cited id (in note order), then any other id given; each row anchored."""
    figs = datasets.figures().set_index("id")
    derived = derived_figures().set_index("id")
    events = datasets.events().set_index("id")
    for i in dict.fromkeys(ids):
        NOTES.number(i)
    behind: dict[str, int] = {}
    for i in list(NOTES.numbers):  # a derived figure's sources get notes of their own
        if i in derived.index:
            for s in derived.loc[i, "sources"].split(";"):
                if s:
                    NOTES.number(s)
                    behind.setdefault(s, NOTES.number(i))
    rows = [(f"src-{i}", _row(i, figs, derived, events, behind)) for i in sorted(NOTES.numbers, key=NOTES.numbers.get)]
    return html_table(HEADERS, rows, css="sources notes")


def html_table(headers: list[str], rows: list[tuple[str | None, list[str]]], css: str = "sources") -> str:
    """A sources-style HTML table; ``rows`` are (anchor id or None, cells). Cells must already be escaped HTML.

    Each cell carries its column's name, so that on a phone a row can be read as a card.
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        (f'<tr id="{html.escape(anchor)}">' if anchor else "<tr>")
        + "".join(f'<td data-label="{html.escape(h, quote=True)}">{c}</td>' for h, c in zip(headers, cells)) + "</tr>"
        for anchor, cells in rows
    )
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def downloads_line(files: list[str]) -> str:
    """Markdown links to the published data files, named by what they hold."""
    links = [f"[{prose.esc(data_file_words(f))}]({DATA_LINK}{f})" for f in files]
    return "The data behind this report, as spreadsheet (CSV) files: " + "; ".join(links) + "."


def sources_section(ids, extra_files: tuple[str, ...] = ()) -> None:
    """Show the closing sources section: the notes table, links to the data used, and the data-used record.

    The files used (those behind the ids cited, plus ``extra_files`` a report reads whole) and the ids
    behind the citations are attached as JSON under :data:`DATA_USED_MIME` for the build (its change
    history names the reports a changed row touches); the HTML shows the files as named links.
    """
    table = sources_table(ids)
    files = list(dict.fromkeys(data_files(NOTES.numbers) + list(extra_files)))
    prose.show(f"## Sources\n\n{REFERENCE} A place in the paper is given as section › subsection, then the "
               "paragraph (¶) counted from the start of that part, a quotation or a whole list counting as one paragraph; "
               f"the paper's untitled opening, before Methodology, is its “{labels.OPENING.lower()}”.")
    used = ids_behind(set(NOTES.numbers) | usage.DRAWN)
    display({"text/html": prose.reader_html(table), DATA_USED_MIME: {"files": files, "ids": used}}, raw=True)
    prose.show(downloads_line(files))
