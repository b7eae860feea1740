"""ach.verdict: the summary on the real data, the report's parameters, bad arguments."""

from __future__ import annotations

import pytest
from ach_examples import M

from assad_collapse.analyses import ach
from assad_collapse.errors import ParameterError
from assad_collapse.paper.vocabulary import QUESTIONS
from assad_collapse.params import check_parameters


@pytest.mark.parametrize("scheme", ach.SCHEMES)
@pytest.mark.parametrize("question", QUESTIONS)
def test_every_function_runs_on_the_real_data(question, scheme):
    m = ach.build_matrix(question)
    s = ach.score(m, scheme)
    assert len(s) == len(m.hypotheses) and s["rank"].min() == 1
    d = ach.diagnosticity(m, scheme)
    assert len(d) == len(m.items) and (d["diagnosticity"] >= 0).all()
    assert len(ach.leave_one_out(m, scheme)) == len(m.items)
    lp = ach.linchpins(m, scheme)
    assert lp.size is None or 1 <= lp.size <= 3
    mc = ach.monte_carlo(m, scheme, draws=1_000)
    assert mc["p_first"].sum() == pytest.approx(1.0)
    assert len(ach.discount_each_kind(m, scheme)) == len(ach.INTERVIEW_KINDS)


@pytest.mark.parametrize("question", QUESTIONS)
def test_verdict_is_plain_data(question):
    v = ach.verdict(ach.build_matrix(question), draws=1_000)
    assert set(v["schemes"]) == set(ach.SCHEMES)
    for result in v["schemes"].values():
        assert sum(result["p_first"].values()) == pytest.approx(1.0)
        assert isinstance(result["loo_flips"], list) and isinstance(result["discount_flips"], list)
        assert all(isinstance(c["item"], str) for s in result["linchpins"]["solutions"] for c in s)
    if question == "collapse":
        assert v["paper_hypothesis"] == "h3_survival_without_serving_russia"
        assert v["schemes"]["heuer"]["p_paper_first"] == v["schemes"]["heuer"]["p_first"][v["paper_hypothesis"]]
    else:
        assert v["paper_hypothesis"] is None and v["schemes"]["bayes"]["p_paper_first"] is None


def test_parameter_defaults_check_and_prior_is_validated():
    defaults = {p.name: p.default for p in ach.PARAMETERS}
    assert check_parameters(ach.PARAMETERS, {}) == defaults
    assert ach.parameters(scheme="bayes", prior=[1, 1, 2, 4])["prior"] == [1, 1, 2, 4]
    assert ach.parameters(question="intent", scheme="bayes", prior=[1, 3])["question"] == "intent"
    assert ach.parameters(discount_kinds=["syrian_officer", "author"])["discount_kinds"] == ["author", "syrian_officer"]
    for bad in ({"scheme": "bayes", "prior": [1, 2]}, {"scheme": "bayes", "prior": [1, 0, 1, 1]},
                {"prior": [1, 1, 1, 1]}, {"draws": 50}, {"p_step": 1.5}, {"question": "why"},
                {"discount_kinds": ["pundit"]}, {"seed": -1}, {"scheme": "parc"}):
        with pytest.raises(ParameterError):
            ach.parameters(**bad)
    m = ach.build_matrix("intent")
    assert ach.matrix_for(ach.parameters(question="intent", discount_kinds=["author"], discount_factor=0.0)).factor.tolist() == \
        [0.0 if k == "author" else 1.0 for k in m.source_kind]


@pytest.mark.parametrize(
    "call",
    [
        lambda m: ach.score(m, "parc"),
        lambda m: ach.score(m, "heuer", prior=[1, 1]),
        lambda m: ach.score(m, "bayes", prior=[1, 1, 1]),
        lambda m: ach.score(m, "bayes", prior=[1, -1]),
        lambda m: ach.score(m, "bayes", prior=[1, float("nan")]),
        lambda m: ach.score(m, "bayes", prior=[True, 1]),
        lambda m: ach.score(m, "bayes", prior={"A": 1}),
        lambda m: ach.score(m, "bayes", prior="flat"),
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
