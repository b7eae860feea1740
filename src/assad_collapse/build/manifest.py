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
    return _load(reports_dir) or empty()


def _load(reports_dir: Path) -> dict | None:
    path = Path(reports_dir) / NAME
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 10_000_000:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("reports"), dict):
        return None
    return data


def is_build_manifest(reports_dir: Path) -> bool:
    """``reports_dir`` holds a manifest a build wrote: a regular file (not a link) in this format."""
    return _load(reports_dir) is not None


def empty() -> dict:
    """The manifest of a reports directory before its first report is built."""
    return {"format": FORMAT, "reports": {}}


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
