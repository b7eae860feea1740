"""reports/manifest.json: for each report its parameters, input hashes, output hash, status and duration.

The build reads it back to decide what is up to date. It holds no time stamp,
absolute path, user or host name; the ``duration`` fields are the only part
that differs between two builds of the same inputs.
"""

from __future__ import annotations

import json
from pathlib import Path

from .cache import sha256_file

NAME = "manifest.json"
FORMAT = 1
FRESH, STALE, FAILED, MISSING = "fresh", "stale", "failed", "missing"


def read(reports_dir: Path) -> dict:
    """The last manifest, or an empty one if there is none or it is unreadable (then everything rebuilds)."""
    try:
        data = json.loads((Path(reports_dir) / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": FORMAT, "reports": {}}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("reports"), dict):
        return {"format": FORMAT, "reports": {}}
    return data


def render(manifest: dict) -> bytes:
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def html_intact(entry: dict | None, reports_dir: Path) -> bool:
    """The report's HTML is on disk and is the file this entry describes."""
    html = (entry or {}).get("html")
    if not html:
        return False
    path = Path(reports_dir) / html["file"]
    try:
        return sha256_file(path) == html["sha256"]
    except OSError:
        return False


def status(entry: dict | None, current_inputs: dict, reports_dir: Path) -> str:
    """fresh: the HTML matches the current inputs; stale: an older HTML (or its last build failed);
    failed: its last build failed and there is no HTML; missing: never built."""
    intact = html_intact(entry, reports_dir)
    if entry and entry.get("error"):
        return STALE if intact else FAILED
    if intact:
        return FRESH if entry.get("inputs") == current_inputs else STALE
    return MISSING


def without_durations(manifest: dict) -> dict:
    """The manifest with its duration fields removed (what two builds of the same inputs share)."""
    copy = json.loads(json.dumps(manifest))
    for entry in copy.get("reports", {}).values():
        entry.pop("duration", None)
    return copy
