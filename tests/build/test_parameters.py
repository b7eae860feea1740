"""build.parameters: every value checked before any kernel; explorations never touch the published set."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from build_helpers import contents, run_cli, snapshot
from helpers import ROOT

pytestmark = pytest.mark.slow


def published(out: Path) -> dict:
    """Every file of the published set, bytes and mtime (the explorations aside)."""
    return {k: v for k, v in snapshot(out).items() if not k.startswith("explore/")}


@pytest.mark.parametrize("value, says", [
    ("5", "got 5; allowed: a number from 0 to 1"),
    ("1.5", "got 1.5; allowed: a number from 0 to 1"),
    ("abc", "got 'abc'; allowed: a number from 0 to 1 (or None for no split: 2022–23 as one two-year span) "
            "(the value given is not a Python literal)"),
    ("[1]", "got [1]"),
    ("-" * 3000 + "1", "(3,001 characters)"),
    ("[" * 40 + "]" * 40, "nested deeper than"),
])
def test_a_bad_value_exits_2_before_any_kernel_naming_report_parameter_value_and_what_is_allowed(built, tmp_path, value, says):
    out = tmp_path / "reports"
    shutil.copytree(built, out)
    before = snapshot(out)
    run = run_cli("build", "funding-cuts", "--reports-dir", str(out), "-p", f"share_2022={value}")
    assert run.returncode == 2, run.stdout + run.stderr
    assert "report 'funding-cuts', parameter 'share_2022'" in run.stderr and says in run.stderr, run.stderr
    assert len(run.stderr.splitlines()) == 1 and "Traceback" not in run.stderr and "building" not in run.stdout
    assert snapshot(out) == before  # not one byte or mtime of the published set changed


def test_unknown_names_and_unknown_event_ids_are_refused_before_any_kernel(tmp_path):
    run = run_cli("build", "funding-cuts", "--reports-dir", str(tmp_path / "r"), "-p", "colour=1")
    assert run.returncode == 2 and "parameter 'colour'" in run.stderr and "share_2022, peak_bn_per_year" in run.stderr
    run = run_cli("build", "funding-cuts", "--reports-dir", str(tmp_path / "r"), "-p", "marked_events=['no_such_event']")
    assert run.returncode == 2 and "'no_such_event'" in run.stderr and "ids of events.csv" in run.stderr
    run = run_cli("build", "hypothesis-assessment", "--reports-dir", str(tmp_path / "r"), "-p", "scheme=bayes", "-p", "prior=[1, 2]")
    assert run.returncode == 2 and "parameter 'prior'" in run.stderr and "one per hypothesis" in run.stderr
    run = run_cli("build", "timeline", "--reports-dir", str(tmp_path / "r"), "-p", "start_year=2020", "-p", "end_year=2018")
    assert run.returncode == 2 and "parameter 'end_year': got 2018; allowed: a year from start_year (2020)" in run.stderr
    run = run_cli("build", "timeline", "--reports-dir", str(tmp_path / "r"), "-p", "actors=[]")
    assert run.returncode == 2 and "parameter 'actors': got []; allowed: at least one value" in run.stderr
    assert not (tmp_path / "r").exists()


def test_a_bad_value_in_the_catalogue_exits_2_before_any_kernel(built, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(built, out)
    before = snapshot(out)
    catalogue = tmp_path / "reports.toml"
    catalogue.write_text((ROOT / "reports.toml").read_text().replace(
        'notebook = "notebooks/', f'notebook = "{ROOT}/notebooks/').replace(
        'parameters = { question = "intent" }', 'parameters = { question = "why" }'))
    run = run_cli("build", "manpower", "--catalogue", str(catalogue), "--reports-dir", str(out))
    assert run.returncode == 2 and "reports.toml, report 'hypothesis-assessment-intent', parameter 'question'" in run.stderr
    assert "one of 'collapse', 'intent'" in run.stderr and snapshot(out) == before


def test_an_exploration_is_written_apart_and_the_published_set_stays_byte_identical(built, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(built, out)
    before = snapshot(out)
    run = run_cli("build", "funding-cuts", "--reports-dir", str(out), "-p", "share_2022=0.35")
    assert run.returncode == 0, run.stdout + run.stderr
    written = re.search(r"^wrote (.+)$", run.stdout, re.M).group(1)
    assert Path(written).parent == out / "explore" and Path(written).name.startswith("funding-cuts--")
    assert published(out) == before
    page = Path(written).read_text()
    first_screen = page[page.index("<body"):re.search(r'<nav[^>]*class="toc"', page).start()]  # before the contents
    assert "An exploration, not the published report" in first_screen
    assert ("Assumed share of the 2022–23 total that fell in 2022: <strong>35%</strong> "
            "(published report: no split: 2022–23 as one two-year span)") in first_screen
    assert "<title>Russia's funding cuts (exploration)</title>" in page
    # another value is another file; the catalogue's own value is no exploration; the next plain build has nothing to do
    other = run_cli("build", "funding-cuts", "--reports-dir", str(out), "-p", "share_2022=0.6")
    assert other.returncode == 0 and re.search(r"^wrote (.+)$", other.stdout, re.M).group(1) != written
    same = run_cli("build", "funding-cuts", "--reports-dir", str(out), "-p", "share_2022=None")
    assert same.returncode == 0 and "0 reports to build" in same.stdout and "wrote" not in same.stdout
    plain = run_cli("build", "--reports-dir", str(out))
    assert plain.returncode == 0 and "0 reports to build" in plain.stdout
    assert published(out) == before
    assert len(list((out / "explore").glob("*.html"))) == 2


def test_a_failing_exploration_exits_1_and_leaves_everything_as_it_was(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    before = contents(out)
    run = tiny.run(out, "tiny-a", "-p", "fail=True")
    assert run.returncode == 1 and "FAILED tiny-a: tiny.ipynb, cell 3 (if fail:): ValueError" in run.stdout
    assert contents(out) == before and not (out / "explore").exists()


def test_a_saved_edit_of_the_parameters_cell_cannot_change_a_published_report(built, tmp_path):
    (tmp_path / "notebooks").mkdir()
    edited = tmp_path / "notebooks" / "01-funding-cuts.ipynb"
    nb = json.loads((ROOT / "notebooks" / "01-funding-cuts.ipynb").read_text())
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    source = "".join(cell["source"])
    assert "share_2022 = None" in source
    cell["source"] = source.replace("share_2022 = None", "share_2022 = 0.9").replace("cut_percent = None", "cut_percent = 10.0")
    edited.write_text(json.dumps(nb, indent=1))
    catalogue = tmp_path / "reports.toml"
    catalogue.write_text('[[report]]\nname = "funding-cuts"\nnotebook = "notebooks/01-funding-cuts.ipynb"\n'
                         'title = "Russia\'s funding cuts"\nsummary = "s"\n')
    out = tmp_path / "reports"
    run = run_cli("build", "--catalogue", str(catalogue), "--reports-dir", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert (out / "funding-cuts.html").read_bytes() == (built / "funding-cuts.html").read_bytes()
    entry = json.loads((out / "manifest.json").read_text())["reports"]["funding-cuts"]
    assert entry["parameters"]["share_2022"] is None and entry["parameters"]["cut_percent"] is None
