"""The build tests' tools: the CLI in a subprocess, a tiny catalogue of its own, snapshots of a reports directory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

from assad_collapse.build import manifest


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "assad_collapse.cli", *args], capture_output=True, text=True, cwd=cwd)


HEAVY = ("pandas", "papermill", "nbconvert", "matplotlib", "numpy", "nbformat", "jupyter_client")


def _cell(kind, source, tags=()):
    cell = {"cell_type": kind, "id": f"c{_cell.n}", "metadata": {"tags": list(tags)} if tags else {}, "source": source}
    _cell.n += 1
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


_cell.n = 0

TINY = {
    "nbformat": 4, "nbformat_minor": 5,
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "cells": [
        _cell("markdown", "# A tiny report"),
        _cell("code", "delay = 0.0  # seconds to sleep\nfail = False\nlabel = 'tiny'", tags=["parameters"]),
        _cell("code", "import time\ntime.sleep(delay)"),
        _cell("code", "if fail:\n    raise ValueError('boom in the tiny notebook')"),
        _cell("code", "from IPython.display import HTML, display\ndisplay(HTML(f'<p>{label} done; {sorted({\"b\", \"a\", \"c\"})}</p>'))"),
    ],
}


TINY_CATALOGUE = """
[[report]]
name = "tiny-a"
notebook = "notebooks/tiny.ipynb"
title = "Tiny A"
summary = "The first tiny report."

[[report]]
name = "tiny-b"
notebook = "notebooks/tiny.ipynb"
title = "Tiny B"
summary = "The second tiny report."
parameters = { label = "b" }
"""


class Tiny:
    """A catalogue, notebook, data copy and built reports directory of its own."""

    def __init__(self, root: Path):
        self.root = root
        (root / "notebooks").mkdir()
        (root / "notebooks" / "tiny.ipynb").write_text(json.dumps(TINY, indent=1))
        self.catalogue = root / "reports.toml"
        self.catalogue.write_text(TINY_CATALOGUE)
        self.data = root / "data"
        shutil.copytree(ROOT / "data", self.data)
        self.reports = root / "reports"

    def args(self, reports_dir: Path, *extra) -> list[str]:
        return ["build", "--catalogue", str(self.catalogue), "--data-dir", str(self.data),
                "--reports-dir", str(reports_dir), *extra]

    def run(self, reports_dir: Path, *extra):
        return run_cli(*self.args(reports_dir, *extra))

    def copy(self, target: Path) -> Path:
        shutil.copytree(self.reports, target)
        return target


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time (the lock file aside)."""
    return {str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(directory.rglob("*")) if p.is_file() and p.name != ".build.lock"}


def contents(directory: Path) -> dict[str, bytes]:
    return {name: data for name, (data, _) in snapshot(directory).items()}


def assert_same_but_durations(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    """Byte-identical files, except the manifest's duration fields."""
    assert first.keys() == second.keys()
    assert sorted(name for name in first if first[name] != second[name]) in ([], ["manifest.json"])
    assert manifest.without_durations(json.loads(first["manifest.json"])) == \
        manifest.without_durations(json.loads(second["manifest.json"]))


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def running(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False
