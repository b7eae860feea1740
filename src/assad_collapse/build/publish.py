"""Publish what a build made: compare it with the previous publication, record the changes, then write every file.

The workers hand back each report's page, key findings, data used and executed
notebook; nothing is written until every report has run. Then, in this order,
so that a build killed at any moment leaves a consistent set: the change history
(a build killed after it finds the same changes again and records them once),
each report with its change note, links, citation and stamp, its findings and
notebook, the CSV downloads with their README and datapackage.json. The manifest
and index follow in :mod:`.orchestrate`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import cache, changes, extract, history, page
from .atomic import write_if_changed
from .citation import Stamp

FINDINGS_SUFFIX = ".findings.json"  # <report>.findings.json: a report's key findings and data used, as data


@dataclass
class Made:
    """One report a worker ran successfully: where it goes, what it is built from, and what it produced."""

    name: str
    title: str
    html_file: str  # relative to the reports directory
    notebook_file: str
    inputs: dict  # its input hashes (the notebook's: the bytes that ran)
    parameters: dict
    html: bytes
    findings: list[dict]
    data_used: dict
    notebook: bytes
    published: bool  # False for an exploration


def record(made: Made) -> dict:
    """What ``<report>.findings.json`` holds: the key findings and the data used, as the next build compares them."""
    return {"report": made.name, "title": made.title, "findings": made.findings, "data_used": made.data_used}


def read_record(reports_dir: Path, name: str) -> dict | None:
    try:
        data = json.loads((Path(reports_dir) / f"{name}{FINDINGS_SUFFIX}").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def previous_downloads(reports_dir: Path, names) -> dict[str, bytes]:
    out = {}
    for name in names:
        path = Path(reports_dir) / page.DATA / name
        if path.is_file():
            out[name] = path.read_bytes()
    return out


def download_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """The CSV downloads with the README and datapackage.json that describe exactly them."""
    from . import published_data

    csvs = {k: v for k, v in files.items() if k.endswith(".csv")}
    return {**csvs, "README.md": published_data.readme(csvs), "datapackage.json": published_data.render_descriptor(csvs)}


def publish(made: list[Made], reports_dir: Path, titles: dict[str, str], previous: dict[str, dict],
            downloads: dict[str, bytes] | None, versions: dict[str, str], data_hash: str) -> dict[str, str]:
    """Compare, record, write. ``previous`` is each report's entry in the last manifest; ``downloads`` the new
    files of reports/data/ (:func:`download_files`; None when they did not change). Returns each written
    report's final HTML hash by name."""
    reports_dir = Path(reports_dir)
    mine = [m for m in made if m.published]
    old_records = {m.name: read_record(reports_dir, m.name) for m in mine}
    new_files = downloads
    csv_names = sorted(n for n in (new_files or {}) if n.endswith(".csv"))
    found = changes.compare(
        previous_downloads(reports_dir, csv_names), {n: new_files[n] for n in csv_names} if new_files else {},
        {n: r["findings"] for n, r in old_records.items() if r}, {m.name: m.findings for m in mine if old_records[m.name]},
        {n: (previous.get(n) or {}).get("parameters") or {} for n in titles},
        {m.name: cache.canonical(m.parameters) for m in mine},
        {n: (previous.get(n) or {}).get("inputs") or {} for n in titles},
        {m.name: m.inputs for m in mine},
        used_ids={m.name: set(m.data_used.get("ids", [])) for m in mine}, titles=titles,
    )
    past = history.read(reports_dir)
    now = history.append(past, found, data_hash)
    if now is not past or not (reports_dir / history.NAME).exists():  # the page links the data from the first build on
        write_if_changed(reports_dir / history.NAME, history.render(now))
    if now is not past or not (reports_dir / history.PAGE).exists():
        write_if_changed(reports_dir / history.PAGE, history.page(now, titles))

    hashes = {}
    for m in made:
        up = "../" * m.html_file.count("/")
        stamp = Stamp.from_inputs(m.inputs, versions)
        note = history.report_note(now, m.name, titles) if m.published else ""
        end = page.end_block(m.name, m.title, stamp, m.data_used.get("files", []), notebook=m.notebook_file, up=up)
        html = page.finish(m.html, note, end)
        html = page.relocate(html, up) if up else html
        write_if_changed(reports_dir / m.notebook_file, m.notebook)
        if m.published:
            write_if_changed(reports_dir / f"{m.name}{FINDINGS_SUFFIX}", extract.findings_json(record(m)))
        write_if_changed(reports_dir / m.html_file, html)
        hashes[m.name] = cache.sha256_bytes(html)
    for name, data in (new_files or {}).items():
        write_if_changed(reports_dir / page.DATA / name, data)
    return hashes


def index_details(reports_dir: Path, name: str) -> tuple[str, list[str]]:
    """A report's headline (its first key finding, as plain text) and the data files it used, from its record."""
    data = read_record(reports_dir, name) or {}
    findings = data.get("findings") or []
    headline = changes.plain(findings[0].get("text", "")) if findings and isinstance(findings[0], dict) else ""
    files = [str(f) for f in (data.get("data_used") or {}).get("files", [])]
    return headline, files
