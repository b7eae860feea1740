"""reports/index.html: the paper's reference, what the collection is, and per report its headline, data and status.

Each entry carries its headline finding and the data files it used; until the build fills
them from what the notebooks emit, the catalogue's summary stands in for the headline and
every published file for the data used. Nothing here loads pandas (the no-op build renders it).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..paper.vocabulary import data_file_words
from .citation import cite_block
from .downloads import DOWNLOADS

STATUS_TEXT = {
    "fresh": "Up to date",
    "stale": "Not yet rebuilt since its inputs changed: this is the version from an earlier build",
    "stale-failed": "Could not be rebuilt — showing the last good version from the previous build",
    "failed": "Could not be built",
    "missing": "Not built yet",
}
REFERENCE = ("Antonio Giustozzi, <em>Russia and the Collapse of the Assad Regime</em>, "
             "Royal United Services Institute (RUSI), 18 February 2025")
STYLE = """body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;max-width:780px;
margin:0 auto;padding:1rem}h1{font-size:1.8rem;line-height:1.2;margin:.5rem 0 .75rem}.about{font-size:1.02rem}
.reference{border-left:4px solid #0b5cad;background:#eef4fb;padding:.5rem .9rem;margin:1rem 0}ul{list-style:none;padding:0}
li{border-bottom:1px solid #ddd;padding:.8rem 0}h2{font-size:1.2rem;margin:.1rem 0 .3rem}.headline{margin:.2rem 0 .4rem}
.status,.data{color:#555;font-size:.92rem;margin:.2rem 0}a{color:#0b5cad}.status-stale-failed,.status-failed{color:#a40000}
.changes{border:1px solid #c9d7e8;border-radius:4px;padding:.2rem .9rem;margin:1rem 0}.changes h2{margin-top:.6rem}
.changes ul{list-style:disc;padding-left:1.2rem}.changes li{border:0;padding:.15rem 0}.because,.was{color:#555;font-size:.9rem}
.cite pre{white-space:pre-wrap;font-size:.85rem;background:#f6f6f6;padding:.5rem}.reports-heading{margin-top:1.5rem}"""


@dataclass(frozen=True)
class Entry:
    """One report on the index: its name and title, the catalogue's summary, its status, whether its HTML
    exists, and (once the build fills them) its headline finding and the data files it used."""

    name: str
    title: str
    summary: str
    status: str  # a key of STATUS_TEXT
    linked: bool  # the HTML exists
    headline: str = ""
    data_files: list[str] = field(default_factory=list)


def _data(files: list[str]) -> str:
    links = []
    for f in files:
        stem = f.removesuffix(".csv")
        words = data_file_words(stem)
        links.append(f'<a href="data/{html.escape(stem, quote=True)}.csv">{html.escape(words)}</a>')
    return " · ".join(links)


def render(entries: list[Entry], changes: str = "") -> bytes:
    """The index page; depends only on the catalogue, the entries' findings, the statuses and the change history's
    latest entry (``changes``, HTML from :func:`.history.latest_section`): no time, no duration."""
    items = []
    for e in entries:
        title = html.escape(e.title)
        link = f'<a href="{html.escape(e.name, quote=True)}.html">{title}</a>' if e.linked else title
        headline = html.escape(e.headline or e.summary)
        files = e.data_files or [f"{name}.csv" for name in DOWNLOADS]
        items.append(
            f'<li><h2>{link}</h2><p class="headline">{headline}</p>'
            f'<p class="status status-{html.escape(e.status, quote=True)}">{STATUS_TEXT[e.status]}</p>'
            f'<p class="data">Data used (spreadsheet files): {_data(files)}</p></li>'
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Russia and the collapse of the Assad regime: the paper's figures, checked</title>
<style>{STYLE}</style>
</head><body><main>
<h1>Russia and the collapse of the Assad regime: the paper's figures, checked</h1>
<p class="reference">About: {REFERENCE}.</p>
<p class="about">These reports take every figure and dated event the paper gives, with how precise it is and who gave it,
and show what they add up to, what holds and what the paper leaves open. Each report is a single file that opens
offline, answers its question first and links every number to its place in the paper.</p>
{changes}
<h2 class="reports-heading">The reports</h2>
<ul>
{chr(10).join(items)}
</ul>
{cite_block(None, None, None)}
<p class="data">All the data, with what each column means and where each value comes from: <a href="data/README.md">the data
guide</a>, and its machine-readable form, <a href="data/datapackage.json">the data package</a>.</p>
</main></body></html>
"""
    return page.encode("utf-8")
