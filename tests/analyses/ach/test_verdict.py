"""ach.verdict: the summary on the real data, ties called ties, the report's parameters, bad arguments."""

from __future__ import annotations

import json

import pytest
from ach_examples import M

from assad_collapse.analyses import ach
from assad_collapse.errors import ParameterError
from assad_collapse.paper.vocabulary import QUESTIONS
from assad_collapse.params import check_parameters


@pytest.mark.parametrize("question", QUESTIONS)
def test_verdict_is_plain_data(question):
    m = ach.build_matrix(question)
    v = ach.verdict(m, draws=1_000)
    json.dumps(v)  # nothing but plain data
    assert sum(v["mc"]["p_first"].values()) + v["mc"]["p_tie"] == pytest.approx(1.0)
    assert v["paper_hypothesis"] == m.paper_hypothesis
    assert v["call"] == "tie" or v["call"] in m.hypotheses
    assert set(v["against"]) == set(m.hypotheses)
    for rows in v["against"].values():
        assert all(r["rating"] in ("I", "II") and r["contribution"] < 0 for r in rows)
    assert v["multiverse"]["n"] == 144


def test_a_lead_within_one_ordinary_inconsistency_is_a_tie():
    # A's only inconsistency comes from a low-credibility, medium-relevance item (0.71): within the margin
    m = M(["A", "B"], [["I", "N"], ["C", "C"]], credibility=["low", "medium"])
    v = ach.verdict(m, draws=500)
    assert v["exact_top"] == ["B"] and v["base_leaders"] == ["A", "B"] and v["call"] == "tie"
    # a lead of two ordinary inconsistencies is a lead, and Monte Carlo agrees
    strong = M(["A", "B"], [["I", "N"], ["II", "C"]])
    assert ach.verdict(strong, draws=500)["call"] == "B"


def test_what_contradicts_and_what_rests_on_the_author():
    m = M(["A", "B"], [["II", "N"], ["N", "I"]], source_kind=["author", "unattributed"], credibility="high", relevance="high")
    v = ach.verdict(m, draws=200)
    assert [r["item"] for r in v["against"]["A"]] == ["e1"] and [r["item"] for r in v["against"]["B"]] == ["e2"]
    assert v["author"]["items"] == 1 and v["author"]["leaders_without"] == ["A"]
    assert v["separating"]["author_items"] == 1


def test_parameter_defaults_check_and_prior_is_validated():
    defaults = {p.name: p.default for p in ach.PARAMETERS}
    assert check_parameters(ach.PARAMETERS, {}) == defaults
    assert ach.parameters(scheme="bayes", prior=[1, 1, 2, 4])["prior"] == [1, 1, 2, 4]
    assert ach.parameters(question="intent", scheme="bayes", prior=[1, 3, 1])["question"] == "intent"
    assert ach.parameters(discount_kinds=["syrian_officer", "author"])["discount_kinds"] == ["author", "syrian_officer"]
    for bad in ({"scheme": "bayes", "prior": [1, 2]}, {"scheme": "bayes", "prior": [1, 0, 1, 1]},
                {"prior": [1, 1, 1, 1]}, {"draws": 50}, {"p_step": 1.5}, {"question": "why"}, {"dependence": 2.0},
                {"discount_kinds": ["pundit"]}, {"seed": -1}, {"scheme": "parc"}, {"na": "skip"}, {"ii_weight": 9.0}):
        with pytest.raises(ParameterError):
            ach.parameters(**bad)
    s = ach.settings_for(ach.parameters(scheme="bayes", ladder="symmetric", dependence=0.5, author_judgements=False))
    assert (s.scheme, s.ladder, s.dependence, s.author) == ("bayes", "symmetric", 0.5, False)
    m = ach.build_matrix("intent")
    assert ach.matrix_for(ach.parameters(question="intent", discount_kinds=["author"], discount_factor=0.0)).factor.tolist() == \
        [0.0 if k == "author" else 1.0 for k in m.source_kind]


@pytest.mark.parametrize(
    "call",
    [
        lambda m: ach.score(m, "parc"),
        lambda m: ach.score(m, "heuer", prior=[1, 1]),
        lambda m: ach.score(m, "bayes", prior=[1, 1, 1]),
        lambda m: ach.score(m, "heuer", weighted="yes"),
        lambda m: ach.monte_carlo(m, draws=0),
        lambda m: ach.monte_carlo(m, seed=-1),
        lambda m: ach.monte_carlo(m, p_step=2),
        lambda m: ach.monte_carlo(m, weight_noise=-0.1),
        lambda m: ach.linchpins(m, max_changes=4),
        lambda m: ach.linchpins(m, target="Z"),
        lambda m: ach.discount(m, ["pundit"], 0.5),
        lambda m: ach.discount(m, "author", 0.5),
        lambda m: ach.discount(m, ["author"], -1),
        lambda m: ach.discount(m, ["author"], 2),
        lambda m: m.drop(["e9"]),
        lambda m: ach.build_matrix("why"),
        lambda m: M(["A", "B"], [["C", "X"]]),
        lambda m: M(["A", "B"], [["C"]]),
        lambda m: M(["A", "A"], [["C", "C"]]),
        lambda m: M(["A", "B"], [["C", "C"]], credibility="very high"),
    ],
)
def test_bad_arguments_raise_parameter_error(call):
    with pytest.raises(ParameterError):
        call(M(["A", "B"], [["C", "I"]]))
