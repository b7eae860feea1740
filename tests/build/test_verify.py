"""build.verify: published files compared report by report with a rebuild (made-up sets, then the real build)."""

from __future__ import annotations

import json
import shutil

import pytest

from assad_collapse.build import verify

from build_helpers import run_cli


def make(directory, files):
    for rel, data in files.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return directory


SET = {
    "a.html": b"A", "a.findings.json": b"[]", "notebooks/a.ipynb": b"{}", "b.html": b"B", "index.html": b"I",
    "data/figures.csv": b"id\n", "manifest.json": json.dumps({"reports": {"a": {"duration": 1.0}}}).encode(),
    ".build.lock": b"", "explore/a--1234.html": b"X",
}


def test_identical_sets_are_reproduced_and_durations_do_not_count(tmp_path):
    published = make(tmp_path / "p", SET)
    rebuilt = make(tmp_path / "r", {**SET, "manifest.json": json.dumps({"reports": {"a": {"duration": 9.9}}}).encode(),
                                    "explore/a--1234.html": b"other"})
    assert all(v.ok for v in verify.compare(published, rebuilt, ["a", "b"]))


def test_a_hand_edited_report_is_named_and_only_it(tmp_path):
    published = make(tmp_path / "p", {**SET, "b.html": b"B, edited by hand"})
    rebuilt = make(tmp_path / "r", SET)
    verdicts = {v.name: v for v in verify.compare(published, rebuilt, ["a", "b"])}
    assert not verdicts["b"].ok and verdicts["b"].differing == ["b.html"]
    assert verdicts["a"].ok and verdicts["index"].ok


def test_files_missing_on_either_side_are_differences(tmp_path):
    published = make(tmp_path / "p", {k: v for k, v in SET.items() if k != "notebooks/a.ipynb"})
    rebuilt = make(tmp_path / "r", {k: v for k, v in SET.items() if k != "data/figures.csv"})
    verdicts = {v.name: v for v in verify.compare(published, rebuilt, ["a", "b"])}
    assert verdicts["a"].missing == ["notebooks/a.ipynb"]
    assert verdicts["index"].differing == ["data/figures.csv (not rebuilt)"]


def test_prepare_copies_only_the_memory_of_earlier_builds(tmp_path):
    published = make(tmp_path / "p", {**SET, "history.json": b"{}"})
    target = tmp_path / "t"
    target.mkdir()
    verify.prepare(published, target)
    assert sorted(p.name for p in target.iterdir()) == ["a.findings.json", "history.json", "manifest.json"]


@pytest.mark.slow
def test_verify_reproduces_an_untouched_build_and_names_a_hand_edited_report(built, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(built, out)
    run = run_cli("verify", "--reports-dir", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "9 of 9 reproduced" in run.stdout
    page = out / "manpower.html"
    page.write_text(page.read_text().replace("<h1", '<h1 data-edited="by hand"', 1))
    run = run_cli("verify", "--reports-dir", str(out))
    assert run.returncode == 1 and "DIFFERS     manpower: manpower.html" in run.stdout
    assert "differ: manpower" in run.stdout and "reproduced  funding-cuts" in run.stdout
