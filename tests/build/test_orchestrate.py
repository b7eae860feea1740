"""build.orchestrate: end to end from data to self-contained HTML; incremental, atomic, fault-tolerant."""

from __future__ import annotations

import getpass
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from assad_collapse import paths
from assad_collapse.build import cache, indexpage
from assad_collapse.build.plan import plan as build_plan
from assad_collapse.catalogue import load_catalogue

from build_helpers import HEAVY, TINY_CATALOGUE, assert_same_but_durations, contents, descendants, run_cli, running, snapshot
from helpers import ROOT, set_cell

pytestmark = pytest.mark.slow


def test_every_catalogued_report_is_built_with_an_index(built):
    from assad_collapse.catalogue import load_catalogue

    for report in load_catalogue(ROOT / "reports.toml"):
        assert (built / f"{report.name}.html").stat().st_size > 10_000
        assert f'href="{report.name}.html"' in (built / "index.html").read_text()
    assert (built / "data" / "figures.csv").exists() and (built / "data" / "derived.csv").exists()


def test_reports_are_self_contained_and_private(built):
    for page in built.glob("*.html"):
        text = page.read_text()
        assert not re.search(r'(src|href)="(https?:)?//', text), page.name
        assert "<script src" not in text and "@import" not in text
        assert str(ROOT) not in text and "/tmp/" not in text and str(Path.home()) + "/" not in text
        words = set(re.findall(r"[\w.-]+", re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", text)))
        assert socket.gethostname() not in words
        if getpass.getuser() != "root":  # 'root' is also an English word
            assert getpass.getuser() not in words


def test_code_is_hidden_and_images_embedded(built):
    text = (built / "funding-cuts.html").read_text()
    assert "funding.parameters(" not in text and "import " not in text
    assert text.count('src="data:image/png;base64,') >= 2
    assert 'alt="Russian support fell' in text


def test_a_changed_figure_changes_the_report(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for column in ("value", "low", "high"):
        set_cell(data / "figures.csv", "fund_peak_2016_17", column, "4")
    out = tmp_path / "reports"
    run = run_cli("build", "funding-cuts", "--reports-dir", str(out), "--data-dir", str(data))
    assert run.returncode == 0, run.stderr
    text = (out / "funding-cuts.html").read_text()
    assert "about $4bn a year" in text and "$1.2bn a year" in text
    assert "about $2.5bn" not in text


def test_invalid_data_stops_the_build_before_any_notebook(tmp_path, built):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    set_cell(data / "figures.csv", "fund_peak_2016_17", "value", "lots")
    out = tmp_path / "reports"
    shutil.copytree(built, out)
    before = {p.name: p.read_bytes() for p in out.glob("*.html")}
    run = run_cli("build", "--reports-dir", str(out), "--data-dir", str(data))
    assert run.returncode == 2
    assert "figures.csv:2: column 'value'" in run.stderr and "building" not in run.stdout
    assert {p.name: p.read_bytes() for p in out.glob("*.html")} == before


def test_unknown_parameter_or_report_is_refused(tmp_path):
    run = run_cli("build", "funding-cuts", "--reports-dir", str(tmp_path), "-p", "colour=1")
    assert run.returncode == 2 and "parameter 'colour'" in run.stderr
    run = run_cli("build", "nope", "--reports-dir", str(tmp_path))
    assert run.returncode == 2 and "unknown report" in run.stderr
    assert not list(Path(tmp_path).glob("*.html"))


def test_tiny_build_writes_reports_manifest_and_index(tiny):
    data = json.loads((tiny.reports / "manifest.json").read_text())
    assert set(data["versions"]) == {"python", "pandas", "numpy", "matplotlib", "papermill", "nbconvert"}
    for name, label in (("tiny-a", "tiny"), ("tiny-b", "b")):
        entry = data["reports"][name]
        assert entry["status"] == "fresh" and entry["notebook"] == "notebooks/tiny.ipynb"
        assert entry["parameters"] == {"delay": 0.0, "fail": False, "label": label}
        assert set(entry["inputs"]) == {"notebook", "parameters", "title", "data", "library", "requirements.lock", "versions"}
        assert entry["html"]["sha256"] == cache.sha256_file(tiny.reports / f"{name}.html")
        assert isinstance(entry["duration"], float)
        assert f"<p>{label} done; ['a', 'b', 'c']</p>" in (tiny.reports / f"{name}.html").read_text()
    index = (tiny.reports / "index.html").read_text()
    assert 'href="tiny-a.html"' in index and 'href="tiny-b.html"' in index and indexpage.STATUS_TEXT["fresh"] in index
    assert sorted(p.name for p in (tiny.reports / "data").iterdir()) == sorted(data["downloads"]["files"])


def test_noop_rebuild_starts_no_kernel_imports_nothing_heavy_and_rewrites_nothing(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    before = snapshot(out)
    code = ("import sys\nfrom assad_collapse import cli\nrc = cli.main(sys.argv[1:])\n"
            f"print('heavy:', sorted(m for m in {HEAVY!r} if m in sys.modules))\nsys.exit(rc)")
    run = subprocess.run([sys.executable, "-c", code, *tiny.args(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 reports to build, 2 up to date" in run.stdout and "building" not in run.stdout
    assert "heavy: []" in run.stdout
    assert snapshot(out) == before  # not one file rewritten (same bytes and same mtimes)


def test_each_kind_of_input_change_rebuilds_and_nothing_else_does(tiny, tmp_path, monkeypatch):
    reports = load_catalogue(tiny.catalogue)

    def todo(catalogue=reports, data=tiny.data, **kw):
        return build_plan(catalogue, tiny.reports, data, root=tiny.root, **kw).todo

    assert todo() == {}
    assert todo(force=True) == {"tiny-a": ["forced"], "tiny-b": ["forced"]}
    # the notebook file
    changed_nb = tmp_path / "tiny.ipynb"
    changed_nb.write_text((tiny.root / "notebooks" / "tiny.ipynb").read_text().replace("A tiny report", "A tiny report!"))
    assert todo([replace(reports[0], notebook=changed_nb), reports[1]]) == {"tiny-a": ["notebook changed"]}
    # its parameters in the catalogue; a -p value that differs is an exploration (always built, never published)
    assert todo([reports[0], replace(reports[1], parameters={"label": "B"})]) == {"tiny-b": ["parameters changed"]}
    assert todo(overrides={"delay": "0.5"}, chosen=["tiny-b"]) == {"tiny-b": ["exploring delay=0.5"]}
    assert todo(overrides={"label": "b"}, chosen=["tiny-b"]) == {}  # the catalogue's own value is no change
    # its title (it is in the HTML)
    assert todo([replace(reports[0], title="Tiny A2"), reports[1]]) == {"tiny-a": ["title changed"]}
    # any data file
    data = tmp_path / "data"
    shutil.copytree(tiny.data, data)
    with open(data / "interviews.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert todo(data=data) == {"tiny-a": ["data changed"], "tiny-b": ["data changed"]}
    # the library code (templates included)
    library = tmp_path / "lib"
    shutil.copytree(cache.LIBRARY, library, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "LIBRARY", library)
    assert todo() == {}
    with open(library / "presentation" / "templates" / "report" / "index.html.j2", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert todo() == {"tiny-a": ["library changed"], "tiny-b": ["library changed"]}
    monkeypatch.setattr(cache, "LIBRARY", paths.LIBRARY)
    # the lock file
    lock = tmp_path / "requirements.lock"
    lock.write_bytes(cache.LOCK_FILE.read_bytes() + b"\n")
    monkeypatch.setattr(cache, "LOCK_FILE", lock)
    assert todo() == {"tiny-a": ["requirements.lock changed"], "tiny-b": ["requirements.lock changed"]}


def test_an_altered_or_deleted_report_is_rebuilt(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    (out / "tiny-a.html").write_text("not the report")
    (out / "tiny-b.html").unlink()
    work = build_plan(load_catalogue(tiny.catalogue), out, tiny.data, root=tiny.root)
    assert work.todo == {"tiny-a": ["HTML missing or altered"], "tiny-b": ["HTML missing or altered"]}
    run = tiny.run(out)
    assert run.returncode == 0 and "2 built" in run.stdout
    assert_same_but_durations(contents(out), contents(tiny.reports))


def test_failing_notebook_names_cell_and_exception_keeps_last_good_html_and_exits_1(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    before = contents(out)
    failing = tiny.root / "failing.toml"  # tiny-a's catalogue entry now makes its notebook raise
    failing.write_text(TINY_CATALOGUE.replace('summary = "The first tiny report."', 'summary = "The first tiny report."\nparameters = { fail = true }'))
    run = run_cli("build", "--catalogue", str(failing), "--data-dir", str(tiny.data), "--reports-dir", str(out), "tiny-a")
    assert run.returncode == 1
    assert ("FAILED tiny-a: tiny.ipynb, cell 3 (if fail:): ValueError: boom in the tiny notebook" in run.stdout)
    assert "0 built, 1 failed, 0 up to date" in run.stdout
    assert (out / "tiny-a.html").read_bytes() == before["tiny-a.html"]
    assert (out / "tiny-b.html").read_bytes() == before["tiny-b.html"]
    data = json.loads((out / "manifest.json").read_text())
    assert data["reports"]["tiny-a"]["status"] == "stale"
    assert data["reports"]["tiny-a"]["error"] == "tiny.ipynb, cell 3: ValueError"  # nothing but where and what: it is published
    assert data["reports"]["tiny-b"]["status"] == "fresh"
    index = (out / "index.html").read_text()
    assert 'href="tiny-a.html"' in index and indexpage.STATUS_TEXT["stale-failed"] in index
    assert not list(out.rglob(".*.tmp"))
    # the next build retries it; with the cause gone, the report is fresh again
    run = tiny.run(out)
    assert run.returncode == 0 and "tiny-a: its last build failed" in run.stdout and "1 built" in run.stdout
    assert_same_but_durations(contents(out), before)


def test_one_failing_report_does_not_stop_the_others(tiny, tmp_path):
    catalogue = tiny.root / "broken.toml"
    catalogue.write_text(TINY_CATALOGUE.replace('parameters = { label = "b" }', "parameters = { fail = true }"))
    out = tmp_path / "reports"
    run = run_cli("build", "--catalogue", str(catalogue), "--data-dir", str(tiny.data), "--reports-dir", str(out))
    assert run.returncode == 1 and "built tiny-a" in run.stdout and "FAILED tiny-b: tiny.ipynb, cell 3" in run.stdout
    data = json.loads((out / "manifest.json").read_text())
    assert data["reports"]["tiny-a"]["status"] == "fresh" and data["reports"]["tiny-b"]["status"] == "failed"
    assert (out / "tiny-a.html").exists() and not (out / "tiny-b.html").exists()
    assert indexpage.STATUS_TEXT["failed"] in (out / "index.html").read_text()


def test_a_build_killed_mid_way_leaves_every_report_intact_and_the_next_build_works(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    before = contents(out)
    build = subprocess.Popen([sys.executable, "-m", "assad_collapse.cli", *tiny.args(out, "--force", "-p", "delay=60")],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        for line in build.stdout:
            if line.startswith("building "):
                break
        time.sleep(1.5)  # let its kernel start
        family = descendants(build.pid)
        assert len(family) >= 3  # a forkserver, workers and their kernels
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    deadline = time.monotonic() + 15
    while any(running(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in family if running(pid)], "workers or kernels outlived the killed build"
    assert contents(out) == before
    (out / ".tiny-a.html.k3j4h5g6.assad-collapse.tmp").write_text("half a report")
    run = tiny.run(out, "--force")
    assert run.returncode == 0, run.stdout + run.stderr
    assert not list(out.rglob(".*.tmp"))
    assert_same_but_durations(contents(out), before)


def test_invalid_data_fails_before_any_notebook_runs(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    data = tmp_path / "data"
    shutil.copytree(tiny.data, data)
    set_cell(data / "figures.csv", "fund_peak_2016_17", "value", "lots")
    before = snapshot(out)
    run = run_cli(*tiny.args(out)[:-2], "--reports-dir", str(out), "--data-dir", str(data))
    assert run.returncode == 2, run.stdout + run.stderr
    assert "figures.csv:2: column 'value'" in run.stderr
    assert "2 reports to build" in run.stdout and "building" not in run.stdout
    assert snapshot(out) == before


def test_jobs_must_be_a_positive_number(tmp_path):
    run = run_cli("build", "--reports-dir", str(tmp_path), "--jobs", "0")
    assert run.returncode == 2 and "at least 1" in run.stderr


def test_two_forced_builds_are_byte_identical_but_for_durations(built, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(built, out)
    run = run_cli("build", "--reports-dir", str(out), "--force", "--jobs", "3")
    assert run.returncode == 0, run.stdout + run.stderr
    assert_same_but_durations(contents(built), contents(out))
