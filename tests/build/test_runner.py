"""build.runner: a worker process that dies fails its own report only; reports that never started still run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_helpers import TINY_CATALOGUE, descendants, running
from helpers import ROOT

pytestmark = pytest.mark.slow

THREE = TINY_CATALOGUE.replace('summary = "The first tiny report."', 'summary = "Sleeps until its worker is killed."\n'
                               'parameters = { delay = 60.0 }') + """
[[report]]
name = "tiny-c"
notebook = "notebooks/tiny.ipynb"
title = "Tiny C"
summary = "Queued behind A."
"""


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_a_killed_worker_fails_its_report_and_the_queued_ones_are_built(tiny, tmp_path):
    catalogue = tiny.root / "three.toml"
    catalogue.write_text(THREE)
    out = tmp_path / "reports"
    build = subprocess.Popen([sys.executable, "-m", "assad_collapse.cli", "build", "--catalogue", str(catalogue),
                              "--data-dir", str(tiny.data), "--reports-dir", str(out), "--jobs", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    lines = []
    for line in build.stdout:
        lines.append(line)
        if line.startswith("building tiny-a"):
            break
    deadline = time.monotonic() + 30
    kernel = None
    while kernel is None and time.monotonic() < deadline:
        kernel = next((p for p in descendants(build.pid) if "ipykernel" in _cmdline(p)), None)
        time.sleep(0.2)
    assert kernel, "the kernel of tiny-a never started"
    worker = int(Path(f"/proc/{kernel}/stat").read_text().rsplit(")", 1)[1].split()[1])
    os.kill(worker, signal.SIGKILL)
    rest, err = build.communicate(timeout=120)
    stdout = "".join(lines) + rest
    assert build.returncode == 1, stdout + err
    assert "FAILED tiny-a: tiny.ipynb: its worker process died" in stdout
    assert "built tiny-b" in stdout and "built tiny-c" in stdout and "BrokenProcessPool" not in stdout + err
    data = json.loads((out / "manifest.json").read_text())
    assert data["reports"]["tiny-a"]["status"] == "failed" and data["reports"]["tiny-b"]["status"] == "fresh"
    assert (out / "tiny-b.html").exists() and (out / "tiny-c.html").exists()
    deadline = time.monotonic() + 15
    while running(kernel) and "ipykernel" in _cmdline(kernel) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not running(kernel) or "ipykernel" not in _cmdline(kernel), "the killed worker's kernel outlived it"
