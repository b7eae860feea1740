"""reports/index.html: every report of the catalogue with its title, summary, status and link."""

from __future__ import annotations

import html
from dataclasses import dataclass

from .downloads import DOWNLOADS

STATUS_TEXT = {
    "fresh": "fresh",
    "stale": "stale: built from older inputs",
    "stale-failed": "stale: its last build failed; this is the last good version",
    "failed": "failed: never built",
    "missing": "not built yet",
}


@dataclass(frozen=True)
class Entry:
    name: str
    title: str
    summary: str
    status: str  # a key of STATUS_TEXT
    linked: bool  # the HTML exists


def render(entries: list[Entry]) -> bytes:
    """The index page; depends only on the catalogue and the statuses (no time, no duration)."""
    data = " · ".join(f'<a href="data/{name}.csv">{name}.csv</a>' for name in DOWNLOADS)
    items = []
    for e in entries:
        title = html.escape(e.title)
        link = f'<a href="{html.escape(e.name)}.html">{title}</a>' if e.linked else title
        items.append(
            f'<li><h2>{link}</h2><p>{html.escape(e.summary)}</p>'
            f'<p class="status status-{e.status}">Status: {STATUS_TEXT[e.status]}</p>'
            f'<p class="data">Data used: {data}</p></li>'
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Russia and the collapse of the Assad regime: reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:760px;margin:0 auto;padding:1rem;line-height:1.5}}
ul{{list-style:none;padding:0}}li{{border-bottom:1px solid #ddd;padding:.5rem 0}}h2{{font-size:1.2rem;margin:.2rem 0}}
.status,.data{{color:#555;font-size:.9rem;margin:.2rem 0}}a{{color:#0b5cad}}.status-stale-failed,.status-failed{{color:#a40000}}</style>
</head><body><main>
<h1>Russia and the collapse of the Assad regime</h1>
<p>Reports on the figures of Antonio Giustozzi, <em>Russia and the Collapse of the Assad Regime</em> (RUSI, 2025).
Each report opens offline as a single file; the cleaned data it used is linked under it.</p>
<ul>
{chr(10).join(items)}
</ul></main></body></html>
"""
    return page.encode("utf-8")
