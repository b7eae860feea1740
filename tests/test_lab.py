"""The lab: make lab at the repository root (as root too), render() an exploration, Markdown outputs free of maths."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import nbformat
import papermill
import pytest
from helpers import ROOT
from lab_math import html_maths, maths

from assad_collapse import lab
from assad_collapse.presentation.prose import reader_html
from assad_collapse.errors import AssadCollapseError

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_maths_finder_sees_what_jupyterlab_typesets():
    assert maths("2022: $1.5bn; 2023: $1.5bn") and maths("2022: \\$1.5bn; 2023: \\$1.5bn")  # escaping is not enough
    assert maths("**$3bn** in total, then $1.5bn")  # a pair across formatting, found before Markdown runs
    assert not maths("2022: <span>\\$</span>1.5bn; 2023: <span>\\$</span>1.5bn")
    assert not maths("one $3bn only") and not maths("`$a` and `$b`")
    assert html_maths("<p>from about $2.5bn to about $0.75bn</p>")  # a chart's title
    assert not html_maths(reader_html("<p>from about $2.5bn to about $0.75bn</p>"))
    assert reader_html('<img alt="$1 to $2"><p>$1</p>') == '<img alt="$1 to $2"><p><span>$</span>1</p>'  # text only


@pytest.fixture(scope="module")
def executed():
    """Every notebook run as the lab runs it (its own parameters, no injection)."""
    out = {}
    for path in NOTEBOOKS:
        nb = papermill.execute_notebook(str(path), None, kernel_name="python3", progress_bar=False, cwd=str(path.parent))
        out[path.name] = nb
    return out


@pytest.mark.slow
def test_no_markdown_output_shows_maths_in_the_lab(executed):
    found = []
    for name, nb in executed.items():
        for index, cell in enumerate(nb.cells):
            for output in cell.get("outputs", []):
                markdown = output.get("data", {}).get("text/markdown")
                if markdown:
                    found += [f"{name}, cell {index}: {m[:80]}" for m in maths(markdown)]
                markup = output.get("data", {}).get("text/html")  # the lab typesets HTML outputs too
                if markup:
                    found += [f"{name}, cell {index}: {m[:80]}" for m in html_maths("".join(markup))]
    assert not found, found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_make_lab_starts_at_the_repository_root_as_this_user_and_takes_lab_args(tmp_path):
    repo = tmp_path / "repo"  # `make lab` sets core.hooksPath: let it set it in a repository of the test's own
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    port, token = _free_port(), "lab-test-token"
    env = {**os.environ, "GIT_DIR": str(repo / ".git"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    lab_args = f"--no-browser --ServerApp.port={port} --ServerApp.token={token} --ServerApp.ip=127.0.0.1"
    server = subprocess.Popen(["make", "-s", "lab", f"LAB_ARGS={lab_args}"], cwd=ROOT, env=env, start_new_session=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        listing, deadline = None, time.monotonic() + 60
        while listing is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token={token}", timeout=2) as reply:
                    listing = json.load(reply)
            except OSError:
                time.sleep(0.5)
        assert listing is not None, server.stdout.read() if server.poll() is not None else "the lab did not answer"
        names = {item["name"] for item in listing["content"]}
        assert {"notebooks", "data", "README.md", "reports.toml"} <= names
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    hooks = subprocess.run(["git", "config", "core.hooksPath"], env=env, capture_output=True, text=True).stdout.strip()
    assert hooks == ".githooks"


@pytest.mark.slow
def test_render_builds_the_notebook_being_explored_with_its_current_values(tmp_path, monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", str(ROOT / "notebooks" / "01-funding-cuts.ipynb"))
    monkeypatch.setattr(lab, "_namespace", lambda: {"share_2022": 0.35, "cut_percent": None, "unrelated": 1})
    out = tmp_path / "reports"
    path = lab.render(reports_dir=out)
    assert path.parent == out / "explore" and path.name.startswith("funding-cuts--")
    page = path.read_text()
    assert ("Assumed share of the 2022–23 total that fell in 2022: <strong>35%</strong> "
            "(published report: no split: 2022–23 as one two-year span)") in page
    assert not (out / "funding-cuts.html").exists() and not (out / "index.html").exists()  # nothing published


def test_render_asks_which_report_when_it_cannot_tell(monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", str(ROOT / "notebooks" / "04-hypothesis-assessment.ipynb"))
    with pytest.raises(AssadCollapseError, match="several reports; name one: render\\('hypothesis-assessment'\\)"):
        lab.render()
    monkeypatch.delenv("JPY_SESSION_NAME")
    with pytest.raises(AssadCollapseError, match="cannot tell which report"):
        lab.render()


def test_render_refuses_a_bad_value_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(lab, "_namespace", lambda: {"share_2022": 5})
    with pytest.raises(AssadCollapseError, match="not rendered: error: report 'funding-cuts', parameter 'share_2022': got 5"):
        lab.render("funding-cuts", reports_dir=tmp_path / "reports")
    assert not (tmp_path / "reports").exists()


def test_a_bad_parameter_shows_its_own_message_in_one_line_not_a_traceback(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from assad_collapse.analyses import funding\nfunding.parameters(share_2022=5)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    with pytest.raises(papermill.PapermillExecutionError) as info:
        papermill.execute_notebook(nb, None, kernel_name="python3", progress_bar=False)
    assert info.value.traceback == ["ParameterError: parameter 'share_2022': got 5; allowed: a number from 0 to 1 "
                                    "(or None for no split: 2022–23 as one two-year span)"]
