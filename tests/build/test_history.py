"""build.history: one entry per build that changed something; the index section, the page, the report note."""

from __future__ import annotations

import json

from assad_collapse.build import history
from assad_collapse.build.changes import Change

TITLES = {"funding-cuts": "Russia's funding cuts", "timeline": "Timeline"}
PEAK = Change("figure", "Spending at the peak (Syrian regime)", "2.5 ($bn a year)", "2.6 ($bn a year)",
              ({"file": "figures.csv", "id": "fund_peak_2016_17"},), ("funding-cuts", "timeline"),
              {"file": "figures.csv", "id": "fund_peak_2016_17"})


def test_a_build_without_changes_adds_nothing(tmp_path):
    empty = history.read(tmp_path)
    assert history.append(empty, [], "abc") == empty
    assert "Nothing has changed since these reports were first built" in history.latest_section(empty, TITLES)
    assert history.report_note(empty, "funding-cuts", TITLES) == ""


def test_each_build_with_changes_is_numbered_and_kept(tmp_path):
    first = history.append(history.read(tmp_path), [PEAK], "a" * 64)
    back = Change(PEAK.what, PEAK.label, PEAK.new, PEAK.old, PEAK.causes, PEAK.reports, PEAK.source)
    second = history.append(first, [back], "b" * 64)
    (tmp_path / history.NAME).write_bytes(history.render(second))
    stored = history.read(tmp_path)
    assert [b["build"] for b in stored["builds"]] == [1, 2] and stored["builds"][0]["data"] == "a" * 12
    assert stored["builds"][0]["changes"][0]["causes"][0]["id"] == "fund_peak_2016_17"
    section = history.latest_section(stored, TITLES)
    assert "2.6 ($bn a year) \u2192 2.5 ($bn a year)" in section and "Russia&#x27;s funding cuts" in section
    assert "fund_peak_2016_17" not in section  # the id stays in the data, not in what a reader sees
    page = history.page(stored, TITLES).decode()
    assert page.index("Build 2") < page.index("Build 1")
    note = history.report_note(stored, "timeline", TITLES)
    assert "Updated in build 2:</strong> Spending at the peak (Syrian regime): 2.6 ($bn a year) \u2192 2.5 ($bn a year)." in note
    assert history.report_note(stored, "manpower", TITLES) == ""


def test_an_unreadable_history_starts_afresh(tmp_path):
    (tmp_path / history.NAME).write_text("{not json")
    assert history.read(tmp_path) == {"format": 1, "builds": []}
    (tmp_path / history.NAME).write_text(json.dumps({"format": 1, "builds": "x"}))
    assert history.read(tmp_path)["builds"] == []


def test_the_same_changes_found_again_after_a_killed_build_are_not_recorded_twice(tmp_path):
    once = history.append(history.read(tmp_path), [PEAK], "a" * 64)
    assert history.append(once, [PEAK], "a" * 64) == once
    assert len(history.append(once, [PEAK], "c" * 64)["builds"]) == 2  # other data: a new build
