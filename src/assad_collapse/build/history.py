"""The change history: ``reports/history.json`` (data), ``history.html`` (for readers), and the notes built from it.

A build that changed something a reader sees appends one entry (numbered, with
the short hash of the data it was built from); a build that changed nothing
appends nothing, so identical inputs still give identical bytes. There is no
date in an entry: the number and the data hash say which build it was.
Standard library only.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from ..paper.vocabulary import data_file_words
from .changes import Change

NAME = "history.json"
PAGE = "history.html"
FORMAT = 1
LATEST_SHOWN = 12  # changes listed on the index before "and N more"


def read(reports_dir: Path) -> dict:
    """The history so far, or an empty one (a missing or unreadable file starts a new history)."""
    try:
        data = json.loads((Path(reports_dir) / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": FORMAT, "builds": []}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("builds"), list):
        return {"format": FORMAT, "builds": []}
    return data


def append(history: dict, changes: list[Change], data_hash: str) -> dict:
    """The history with this build's changes added as a new entry; unchanged when there are none.

    Also unchanged when the newest entry already records exactly these changes: a build killed after
    writing the history but before publishing its reports finds the same changes again.
    """
    recorded = [c.as_dict() for c in changes]
    if not recorded or (history["builds"] and history["builds"][-1]["changes"] == recorded
                        and history["builds"][-1]["data"] == data_hash[:12]):
        return history
    number = (history["builds"][-1]["build"] + 1) if history["builds"] else 1
    entry = {"build": number, "data": data_hash[:12], "changes": recorded}
    return {"format": FORMAT, "builds": [*history["builds"], entry]}


def render(history: dict) -> bytes:
    return (json.dumps(history, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _cause(cause: dict, titles: dict[str, str], changed: str = "") -> str:
    if "file" in cause:
        row = f": {_e(cause['label'])}" if cause.get("label") and cause["label"] != changed else ""
        return f"a corrected row of \u201c{_e(data_file_words(cause['file']))}\u201d{row}"
    if "parameter" in cause:
        return f"a changed setting of {_e(titles.get(cause.get('report'), 'the report'))}"
    if "data" in cause:
        return _e(cause["data"])
    if "environment" in cause:
        return _e(cause["environment"])
    return _e(cause.get("code", "a change of the code"))


def _change_item(change: dict, titles: dict[str, str]) -> str:
    old, new = change.get("old"), change.get("new")
    if old is None:
        value = f"new: {_e(new)}"
    elif new is None:
        value = f"removed (was: {_e(old)})"
    elif change["what"] == "key finding":
        value = f"now reads: \u201c{_e(new)}\u201d <span class=\"was\">(before: \u201c{_e(old)}\u201d)</span>"
    else:
        value = f"{_e(old)} \u2192 {_e(new)}"
    reports = change.get("reports") or []
    links = ", ".join(f'<a href="{_e(r)}.html">{_e(titles.get(r, r))}</a>' for r in reports) or "no report uses it"
    causes = "; ".join(_cause(c, titles, change["label"]) for c in change.get("causes") or [])
    what = _e(change["what"]).capitalize()
    return (f'<li><strong>{what}:</strong> {_e(change["label"])} \u2014 {value}. '
            f'<span class="because">Because of {causes}. Reports: {links}.</span></li>')


def latest_section(history: dict, titles: dict[str, str]) -> str:
    """The index's "What changed in this build" section: the newest entry, or a sentence that nothing has yet."""
    head = '<section class="changes" aria-labelledby="What-changed"><h2 id="What-changed">What changed in this build</h2>'
    if not history["builds"]:
        return (head + "<p>Nothing has changed since these reports were first built: every figure, finding and setting "
                f'is as it was then. The <a href="{PAGE}">change history</a> will list every change as it happens.</p></section>')
    entry = history["builds"][-1]
    items = [_change_item(c, titles) for c in entry["changes"][:LATEST_SHOWN]]
    more = len(entry["changes"]) - LATEST_SHOWN
    tail = f"<p>And {more} more in the full history.</p>" if more > 0 else ""
    return (head + f"<p>Build {entry['build']} (data fingerprint {_e(entry['data'])}) changed {len(entry['changes'])} "
            f"{'thing' if len(entry['changes']) == 1 else 'things'} a reader sees:</p><ul>{''.join(items)}</ul>{tail}"
            f'<p><a href="{PAGE}">The full change history</a> (also <a href="{NAME}">as data</a>).</p></section>')


def page(history: dict, titles: dict[str, str]) -> bytes:
    """history.html: every build that changed something, newest first."""
    sections = []
    for entry in reversed(history["builds"]):
        items = "".join(_change_item(c, titles) for c in entry["changes"])
        sections.append(f'<section><h2 id="build-{entry["build"]}">Build {entry["build"]} '
                        f'<small>(data fingerprint {_e(entry["data"])})</small></h2><ul>{items}</ul></section>')
    body = "".join(sections) or "<p>No change has been recorded yet.</p>"
    text = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>What changed: the history of these reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:760px;margin:0 auto;padding:1rem;line-height:1.5}}
li{{margin:.4rem 0}}.because,.was{{color:#555;font-size:.9rem}}a{{color:#0b5cad}}</style>
</head><body><main>
<p><a href="index.html">All reports</a></p>
<h1>What changed: the history of these reports</h1>
<p>Each build that changed a figure, a derived value, a key finding or a setting is listed here, newest first,
with the old and new value, why it changed and the reports it touched. Builds that changed nothing are not listed.
The same history <a href="{NAME}">as data</a>.</p>
{body}
</main></body></html>
"""
    return text.encode("utf-8")


def _short(change: dict) -> str:
    old, new = change.get("old"), change.get("new")
    value = f"new: {_e(new)}" if old is None else "removed" if new is None else f"{_e(old)} \u2192 {_e(new)}"
    return f"{_e(change['label'])}: {value}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def report_note(history: dict, report: str, titles: dict[str, str]) -> str:
    """For a report's first screen: one line on the newest build that changed it, the details folded away,
    or '' if no build did."""
    for entry in reversed(history["builds"]):
        mine = [c for c in entry["changes"] if report in (c.get("reports") or [])]
        if not mine:
            continue
        values = [c for c in mine if c["what"] != "key finding"]
        findings = len(mine) - len(values)
        parts = [_short(c) for c in values[:2]]
        if len(values) > 2:
            parts.append(f"{_count(len(values) - 2, 'other value', 'other values')}")
        if findings:
            parts.append(f"{_count(findings, 'key finding', 'key findings')} reworded to match")
        items = "".join(_change_item(c, titles) for c in mine)
        return (f'<aside class="changed" role="note"><p><strong>Updated in build {entry["build"]}:</strong> '
                f'{"; ".join(parts)}.</p><details><summary>What changed, and why</summary><ul>{items}</ul>'
                f'<p><a href="{PAGE}#build-{entry["build"]}">Every change of that build</a></p></details></aside>')
    return ""
