"""validate.py: every kind of hand-edit breakage is reported with file, line, column and value."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import DATA, rows, set_cell, write_rows

from assad_collapse.paper.validate import find_problems


def problems_of(data_dir):
    return find_problems(data_dir)[1]


def only(problems, file):
    return [p for p in problems if p.file == file]


def test_shipped_data_is_valid():
    assert problems_of(DATA) == []


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("value", "two point five", "not a number"),
        ("unit", "usd_millions", "unknown value"),
        ("topic", "weather", "unknown value"),
        ("precision", "roughly", "unknown value"),
        ("period_start", "2016-02-30", "not a real date"),
        ("period_end", "2017-13-01", "not a real date"),
        ("period_start", "2016/01/01", "malformed value"),
        ("source_kind", "a Syrian officer", "unknown value"),
    ],
)
def test_bad_cell_in_figures_names_file_line_column_value(data_copy, column, value, message):
    line = set_cell(data_copy / "figures.csv", "fund_peak_2016_17", column, value)
    found = only(problems_of(data_copy), "figures.csv")
    assert any(p.line == line and p.column == column and p.value == value and message in p.message for p in found), found
    assert all(p.expected for p in found)


def test_duplicate_id(data_copy):
    path = data_copy / "figures.csv"
    records = rows(path)
    records[5]["id"] = records[3]["id"]
    write_rows(path, records)
    found = only(problems_of(data_copy), "figures.csv")
    dup = [p for p in found if p.column == "id" and "duplicate" in p.message]
    assert {p.line for p in dup} == {5, 7}
    assert "also on line 5" in str([p for p in dup if p.line == 7][0])


def test_missing_id(data_copy):
    line = set_cell(data_copy / "events.csv", "gaza_crisis_starts_2023_10", "id", "")
    found = only(problems_of(data_copy), "events.csv")
    assert any(p.line == line and p.column == "id" and p.message == "empty cell" for p in found), found


def test_missing_column(data_copy):
    path = data_copy / "figures.csv"
    records = rows(path)
    columns = [c for c in records[0] if c != "unit"]
    write_rows(path, records, columns)
    found = only(problems_of(data_copy), "figures.csv")
    assert any(p.line == 1 and p.column == "unit" and "missing column" in p.message for p in found)
    # other columns are still checked in the same run
    set_cell(path, "fund_peak_2016_17", "value", "abc")
    assert any(p.column == "value" for p in only(problems_of(data_copy), "figures.csv"))


def test_renamed_column(data_copy):
    path = data_copy / "figures.csv"
    text = path.read_text(encoding="utf-8").replace("period_start", "start_date", 1)
    path.write_text(text, encoding="utf-8")
    found = only(problems_of(data_copy), "figures.csv")
    assert any(p.column == "period_start" and "renamed" in p.message and "'start_date'" in p.message for p in found), found
    assert any(p.column == "start_date" and "unexpected column" in p.message for p in found)


def test_extra_column(data_copy):
    path = data_copy / "interviews.csv"
    records = rows(path)
    for r in records:
        r["comment"] = "x"
    write_rows(path, records)
    found = only(problems_of(data_copy), "interviews.csv")
    assert [p.column for p in found] == ["comment"]
    assert "unexpected column" in found[0].message


def test_short_and_long_rows(data_copy):
    path = data_copy / "interviews.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = ",".join(lines[2].split(",")[:2])
    lines[3] = lines[3] + ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = only(problems_of(data_copy), "interviews.csv")
    assert any(p.line == 3 and p.message.startswith("short row: 2 fields") for p in found), found
    assert any(p.line == 4 and p.message.startswith("long row: 5 fields") for p in found), found
    assert all(p.text is not None for p in found)


def test_line_numbers_count_quoted_newlines(data_copy):
    path = data_copy / "figures.csv"
    records = rows(path)
    records[0]["note"] = "first line\nsecond line"
    records[2]["value"] = "oops"
    records[2]["low"] = records[2]["high"] = "oops"
    write_rows(path, records)
    found = only(problems_of(data_copy), "figures.csv")
    assert {p.line for p in found if p.column == "value"} == {5}  # header, 2-line record, record, bad record


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_file(data_copy, content):
    (data_copy / "hypotheses.csv").write_text(content, encoding="utf-8")
    found = only(problems_of(data_copy), "hypotheses.csv")
    assert len(found) == 1 and found[0].message == "file is empty"


def test_missing_file(data_copy):
    (data_copy / "ratings.csv").unlink()
    found = only(problems_of(data_copy), "ratings.csv")
    assert found and found[0].message == "file is missing"


def test_header_only(data_copy):
    path = data_copy / "interviews.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    found = only(problems_of(data_copy), "interviews.csv")
    assert any("no rows" in p.message for p in found)


def test_not_utf8(data_copy):
    path = data_copy / "interviews.csv"
    path.write_bytes(path.read_bytes() + "café\n".encode("latin-1"))
    found = only(problems_of(data_copy), "interviews.csv")
    assert found and "UTF-8" in found[0].message and found[0].line == 7


def test_bounds_out_of_order_name_the_bounds_not_the_empty_value(data_copy):
    path = data_copy / "figures.csv"
    line = set_cell(path, "former_rebels_south", "low", "30000")  # a range: its value cell is empty
    found = only(problems_of(data_copy), "figures.csv")
    assert [(p.line, p.column, p.value) for p in found] == [(line, "low", "30000")], found
    assert "bounds_in_order" in found[0].message and "low <= high" in found[0].expected


@pytest.mark.parametrize(
    "file, row_id, column, value, where, says",
    [
        ("figures.csv", "advisers_peak_2017", "value", "700", "value", "low <= value <= high"),
        ("figures.csv", "advisers_liwa_al_quds_2024", "low", "5", "low", "bounds_match_precision"),
        ("figures.csv", "fund_peak_2016_17", "period_end", "2015-01-01", "period_end", "on or after period_start"),
        ("figures.csv", "fund_peak_2016_17", "period_end", "", "period_end", "period_start_and_period_end_together"),
        ("events.csv", "russian_support_reduction_begins_2020", "open_ended", "earlier", "open_ended", "one of start, end"),
        ("events.csv", "gaza_crisis_starts_2023_10", "date_end", "2025-03-01", "date_start", "within_scope"),
        ("events.csv", "gaza_crisis_starts_2023_10", "actors", "israel;hamas", "actors", "one or more of"),
    ],
)
def test_row_rules_and_vocabularies(data_copy, file, row_id, column, value, where, says):
    line = set_cell(data_copy / file, row_id, column, value)
    found = only(problems_of(data_copy), file)
    assert any(p.line == line and p.column == where and says in f"{p.message} {p.expected}" for p in found), found


def test_dangling_references(data_copy):
    r_line = set_cell(data_copy / "ratings.csv", rows(data_copy / "ratings.csv")[0]["evidence_id"], "hypothesis_id", "h9_aliens", key="evidence_id")
    f_line = set_cell(data_copy / "figures.csv", "militia_ndf_2024", "part_of", "militia_total_2099")
    i_line = set_cell(data_copy / "interviews.csv", "translator", "figure_id", "interviews_nobody")
    found = problems_of(data_copy)
    assert any(p.file == "ratings.csv" and p.line == r_line and p.column == "hypothesis_id" and "dangling" in p.message for p in found)
    assert any(p.file == "figures.csv" and p.line == f_line and p.column == "part_of" for p in found)
    assert any(p.file == "interviews.csv" and p.line == i_line and p.value == "interviews_nobody" for p in found)


def test_evidence_figure_ids_must_exist(data_copy):
    first = rows(data_copy / "evidence.csv")[0]["id"]
    line = set_cell(data_copy / "evidence.csv", first, "figure_ids", "fund_peak_2016_17;not_a_figure")
    found = only(problems_of(data_copy), "evidence.csv")
    assert any(p.line == line and p.value == "not_a_figure" for p in found)


def test_incomplete_ratings(data_copy):
    path = data_copy / "ratings.csv"
    records = rows(path)
    removed = records.pop(1)
    write_rows(path, records)
    found = only(problems_of(data_copy), "ratings.csv")
    assert any(removed["hypothesis_id"] in p.value and removed["evidence_id"] in p.message for p in found), found


def test_duplicate_composite_key(data_copy):
    path = data_copy / "ratings.csv"
    records = rows(path)
    records.append(dict(records[0]))
    write_rows(path, records)
    found = only(problems_of(data_copy), "ratings.csv")
    assert any(p.line == len(records) + 1 and "duplicate key" in p.message for p in found)


@pytest.mark.parametrize(
    "locator, message",
    [
        ("Conclusion › ¶9", "has 5 paragraphs"),
        ("Epilogue › ¶1", "no heading"),
        ("Conclusion, paragraph 2", "not a locator"),
    ],
)
def test_bad_locator(data_copy, locator, message):
    line = set_cell(data_copy / "figures.csv", "interviews_total", "locator", locator)
    found = only(problems_of(data_copy), "figures.csv")
    assert any(p.line == line and p.column == "locator" and message in p.message for p in found), found


def test_every_problem_in_one_run(data_copy):
    set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "value", "x")
    set_cell(data_copy / "figures.csv", "advisers_peak_2017", "unit", "people")
    set_cell(data_copy / "events.csv", "gaza_crisis_starts_2023_10", "date_start", "2023-10-32")
    (data_copy / "interviews.csv").write_text("", encoding="utf-8")
    found = problems_of(data_copy)
    assert {("figures.csv", "value"), ("figures.csv", "unit"), ("events.csv", "date_start"), ("interviews.csv", None)} <= {
        (p.file, p.column) for p in found
    }


def test_cli_reports_without_traceback_and_exits_2(data_copy):
    line = set_cell(data_copy / "figures.csv", "fund_peak_2016_17", "value", "lots")
    set_cell(data_copy / "events.csv", "gaza_crisis_starts_2023_10", "category", "war")
    run = subprocess.run(
        [sys.executable, "-m", "assad_collapse.cli", "validate-data", "--data-dir", str(data_copy)],
        capture_output=True, text=True,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert f"figures.csv:{line}: column 'value': not a number: 'lots'; expected a number" in run.stderr
    assert "    | fund_peak_2016_17,funding," in run.stderr  # the line as it stands in the file
    assert "events.csv:" in run.stderr and "column 'category': unknown value: 'war'" in run.stderr
    assert "2 problem(s)" in run.stderr


def test_cli_ok_on_shipped_data():
    run = subprocess.run([sys.executable, "-m", "assad_collapse.cli", "validate-data"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("data OK")
