"""build.py: end to end from data to self-contained HTML; failures keep the last good report."""

from __future__ import annotations

import getpass
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, set_cell

pytestmark = pytest.mark.slow


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "assad_collapse.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    run = run_cli("build", "--reports-dir", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    return out


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


def test_failing_notebook_keeps_the_last_good_report_and_exits_1(tmp_path, built):
    out = tmp_path / "reports"
    shutil.copytree(built, out)
    before = (out / "funding-cuts.html").read_bytes()
    run = run_cli("build", "funding-cuts", "--reports-dir", str(out), "-p", "share_2022=7")
    assert run.returncode == 1
    assert "FAILED funding-cuts: 01-funding-cuts.ipynb, cell" in run.stdout
    assert "ParameterError" in run.stdout and "share_2022" in run.stdout
    assert (out / "funding-cuts.html").read_bytes() == before
    assert "stale" in (out / "index.html").read_text()
    assert not list(out.glob(".*.tmp"))


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
