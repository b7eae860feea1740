"""claims.py: checks from data evaluated on the paper's figures."""

from __future__ import annotations

from helpers import DATA, rows, set_cell

from assad_collapse.analyses import claims
from assad_collapse.paper.validate import find_problems


def by_id(frame):
    return frame.set_index("id")


def test_every_check_in_checks_csv_is_evaluated():
    result = claims.audit()
    assert list(result["id"]) == [r["id"] for r in rows(DATA / "checks.csv")]
    assert set(result["outcome"]) <= {claims.CONSISTENT, claims.CENTRAL_ONLY, claims.INCONSISTENT, claims.OPEN, claims.TENSION}
    assert set(result["basis_words"]) <= set(claims.BASIS_WORDS.values())


def test_tensions_are_noted_not_computed():
    result = by_id(claims.audit())
    tensions = [c["id"] for c in rows(DATA / "checks.csv") if c["relation"] == "tension"]
    assert tensions and (result.loc[tensions, "outcome"] == claims.TENSION).all()
    assert result.loc[tensions, "left"].isna().all()


def test_a_tension_with_an_expression_fails_validation(data_copy):
    line = set_cell(data_copy / "checks.csv", "tension_25th_brigade_or_division", "left", "militia_total_2024")
    problems = [p for p in find_problems(data_copy)[1] if p.file == "checks.csv"]
    assert any(p.line == line and "expressions_unless_tension" in p.message for p in problems), problems


def test_the_margin_on_approximate_figures_reaches_derived_figures():
    # fund_level_2024 is derived from the approximate 2016-17 peak: widened, it straddles nothing but keeps the margin
    plain, wide = by_id(claims.audit()), by_id(claims.audit(approximate_spread=0.2))
    assert plain.loc["funding_fell_further_in_2024", "left_low"] == plain.loc["funding_fell_further_in_2024", "left_high"]
    assert wide.loc["funding_fell_further_in_2024", "left_low"] < wide.loc["funding_fell_further_in_2024", "left"] \
        < wide.loc["funding_fell_further_in_2024", "left_high"]


def test_comparisons_with_figures_never_given_are_open_questions():
    result = by_id(claims.audit())
    for check in rows(DATA / "checks.csv"):
        if check["relation"] == "unknown":
            assert result.loc[check["id"], "outcome"] == claims.OPEN


def test_a_broken_part_makes_the_check_inconsistent(data_copy):
    for column in ("value", "low", "high"):
        set_cell(data_copy / "figures.csv", "interviews_translator", column, "2")
    result = by_id(claims.audit(data_copy))
    assert result.loc["interviews_add_up", "outcome"] == claims.INCONSISTENT
    assert result.loc["interviews_add_up", "difference"] == 1


def test_bounds_that_straddle_give_central_only(data_copy):
    set_cell(data_copy / "figures.csv", "logistics_decline_2024", "low", "10")
    set_cell(data_copy / "figures.csv", "logistics_decline_2024", "high", "80")
    assert by_id(claims.audit(data_copy)).loc["logistics_suffered_less", "outcome"] == claims.CENTRAL_ONLY


def test_checks_naming_unknown_figures_fail_validation(data_copy):
    line = set_cell(data_copy / "checks.csv", "militias_shrank", "left", "militia_total_2099")
    problems = [p for p in find_problems(data_copy)[1] if p.file == "checks.csv"]
    assert any(p.line == line and p.column == "left" and p.value == "militia_total_2099" for p in problems), problems
    set_cell(data_copy / "checks.csv", "militias_shrank", "left", "militia_total_2024 +")
    problems = [p for p in find_problems(data_copy)[1] if p.file == "checks.csv"]
    assert any("bad expression" in p.message for p in problems)


def test_what_rests_on_whom_counts_every_figure():
    assert claims.rest_on()["total"].sum() == len(rows(DATA / "figures.csv"))


def test_single_source_figures_are_those_the_paper_gives_to_someone():
    kinds = set(claims.single_source()["source_kind"])
    assert kinds and not kinds & {"author", "unattributed"}
    assert "army_total_2024_04" in set(claims.single_source()["id"])
