"""build.verify: published files compared report by report with a rebuild (the comparison, on made-up sets)."""

from __future__ import annotations

import json

from assad_collapse.build import verify


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
