"""claims_audit.py: the report counts the paper's own checks apart from this project's inferences, and says so first."""

from __future__ import annotations

import re

from helpers import set_cell

from assad_collapse.analyses import claims, claims_audit
from assad_collapse.paper.validate import find_problems
from assad_collapse.presentation import labels


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", text)).replace("*", "")


def test_the_headline_counts_the_papers_checks_apart_from_inferences_open_questions_and_tensions():
    params = claims_audit.parameters()
    r = claims_audit.results(params)
    t = claims_audit._tally(r)
    computed = r[~r["outcome"].isin([claims.OPEN, claims.TENSION])]
    assert t["papers"] + t["ours"] == len(computed) and t["papers"] + t["ours"] + t["open"] + t["tensions"] == len(r)
    assert t["ours"] == int((computed["basis"] == "inference").sum())
    first = plain(claims_audit.findings(params)[0].text)
    assert first.startswith("Where the paper's own figures should agree with each other")
    assert f"{claims_audit._words(t['tensions'], 'tension')} in its wording" in first
    open_rows = r[r["outcome"] == claims.OPEN]
    assert f"{claims_audit._open_count(open_rows)} cannot be checked" in first
    assert first.count(". ") == 0  # one sentence: the index shows it as the report's headline
    # no claim that the paper's arithmetic as a whole is consistent, nor "across every bound"
    text = " ".join(plain(f.text) for f in claims_audit.findings(params))
    assert "consistent with itself" not in text and "every bound" not in text


def test_a_failing_inference_is_not_counted_against_the_paper(data_copy, monkeypatch):
    # make this project's inference about active fighters fail: the paper's own checks still all hold
    set_cell(data_copy / "checks.csv", "active_within_total_strength", "relation", "greater_than")
    monkeypatch.setattr(claims_audit, "results", lambda params: claims.audit(data_copy))
    t = claims_audit._tally(claims_audit.results({}))
    assert t["papers_hold"] == t["papers"] and t["ours_hold"] == t["ours"] - 1 and t["fails"] == 1


def test_the_sources_chart_draws_only_figures_with_a_number():
    table = claims.rest_on()
    rows = claims_audit.source_rows(table)
    assert [r.central for r in rows] == table["quantified"].tolist()
    for r, (kind, counts) in zip(rows, table.iterrows()):
        assert ("not quantified" in r.text) == bool(counts.unquantified)
        words = labels.source_kind(kind)
        assert r.label == words[:1].upper() + words[1:]  # 'A Syrian officer', never 'A syrian officer'
    assert any("Syrian" in r.label for r in rows)


def test_open_statements_read_as_statements_and_the_inference_is_marked():
    params = claims_audit.parameters()
    r = claims_audit.results(params)
    open_rows = r[r["outcome"] == claims.OPEN]
    papers = int(open_rows["basis"].isin(claims_audit.PAPERS).sum())
    assert papers and papers < len(open_rows), "the data hold open checks of both kinds"
    count = claims_audit._open_count(open_rows)
    assert "the paper's statements" in count and "this report's inferences" in count
    text = plain(next(f.text for f in claims_audit.findings(params) if f.key == "claims.open"))
    for c in open_rows.itertuples():
        clause = claims_audit._statement(c.claim, c.basis)
        assert plain(clause) in text and "Our reading" not in clause
        assert clause.startswith("that ") == (c.basis in claims_audit.PAPERS)
    assert "that the army's 2024 strength" in text  # a common first word in lower case inside the sentence


def test_every_tension_is_tagged_as_noted_by_this_report_and_validation_enforces_it(data_copy):
    r = claims_audit.results(claims_audit.parameters())
    tensions = r[r["outcome"] == claims.TENSION]
    assert len(tensions) and set(tensions["basis_words"]) == {"noted by this report"}
    line = set_cell(data_copy / "checks.csv", "tension_25th_brigade_or_division", "basis", "stated")
    problems = [p for p in find_problems(data_copy)[1] if p.file == "checks.csv"]
    assert any(p.line == line and "noted_exactly_for_tension" in p.message for p in problems), problems


def test_year_spans_in_the_table_take_an_en_dash():
    table = claims_audit.checks_table(claims_audit.parameters())
    assert "2022–23" in table and not re.search(r"\b(?:19|20)\d\d-\d\d\b", re.sub(r'(?:id|href)="[^"]*"', "", table))
