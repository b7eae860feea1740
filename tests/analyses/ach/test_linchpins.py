"""ach.linchpins: the fewest rating changes that change the top (the verdict's tie rule), checked against brute force."""

from __future__ import annotations

import itertools

import pytest
from ach_examples import M, matrices, settings
from hypothesis import given, settings as run

from assad_collapse.analyses import ach
from assad_collapse.paper.vocabulary import QUESTIONS

SCALE = ach.SCALE


def test_linchpins_of_size_two():
    m = M(["A", "B"], [["N", "II"], ["N", "I"]])
    # A = 0, B = 3; the top is A alone (B is more than one ordinary inconsistency behind). One step closes 1 of
    # the gap, leaving B 2 behind; any two of the four helpful steps (A's N->I twice, B's II->I, B's I->N) bring
    # B within the margin, so the top becomes the tie A;B
    lp = ach.linchpins(m, "heuer")
    assert lp.size == 2 and lp.exact and lp.n_solutions == 6 and lp.baseline_top == ("A",)
    assert set(lp.changes["top_after"]) == {"A;B"}
    assert ach.linchpins(m, "heuer", max_changes=1).size is None


def test_a_lead_within_the_margin_is_already_a_tie_for_the_search():
    # A = 0, B = 2 (one II): B is two ordinary inconsistencies behind, so the top is A alone, and a single
    # step (A's N->I, or B's II->I) brings B within one: the search and the verdict both call that a tie
    m = M(["A", "B"], [["N", "II"], ["C", "C"]])
    lp = ach.linchpins(m, "heuer")
    assert lp.size == 1 and lp.n_solutions == 2 and set(lp.changes["top_after"]) == {"A;B"}
    assert ach.verdict(m, draws=200)["base_leaders"] == ["A"]


def test_linchpin_target():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]], credibility="high", relevance="high")
    # every item weighs 2: b = 2 and a = 2 lead, c = 4 is more than the margin (1) behind.
    # Unseating b: e1/b I->II (b = 4) or e2/a I->N (a = 0, b two behind)
    lp = ach.linchpins(m, "heuer", target="b")
    assert lp.size == 1 and {tuple(s[0].values()) for s in lp.solutions()} == {("e1", "b", "I", "II"), ("e2", "a", "I", "N")}
    crown = ach.linchpins(m, "heuer", target="c")
    assert crown.size == 1 and crown.solutions() == [[{"item": "e3", "hypothesis": "c", "from": "II", "to": "I"}]]
    assert crown.changes["top_after"].tolist() == ["b;a;c"]


def _top(m, s):
    """The top as the verdict defines it: the hypotheses within the practical margin of the best."""
    return set(ach.scoring.top_ids(m, ach.leader_set(ach.evaluate(m, s).badness, s)))


def _moves(m):
    for i, h in itertools.product(range(len(m.items)), range(len(m.hypotheses))):
        code = m.ratings[i, h]
        if code != "NA":
            k = SCALE.index(code)
            yield from ((i, h, SCALE[j]) for j in (k - 1, k + 1) if 0 <= j < len(SCALE))


def _brute_force(m, s, max_changes):
    """The smallest number of one-step changes (on distinct cells) that change the top, by trying every set."""
    base = _top(m, s)
    moves = list(_moves(m))
    for size in range(1, max_changes + 1):
        for combo in itertools.combinations(moves, size):
            if len({(i, h) for i, h, _ in combo}) < size:
                continue
            ratings = m.ratings.copy()
            for i, h, to in combo:
                ratings[i, h] = to
            if _top(m.with_ratings(ratings), s) != base:
                return size
    return None


@run(max_examples=40, deadline=None)
@given(matrices(max_items=3), settings())
def test_linchpin_size_is_the_brute_force_minimum(m, s):
    # under every setting, including those where cells interact (source dependence, NA averages)
    assert ach.linchpins(m, s, max_changes=2).size == _brute_force(m, s, 2)


@pytest.mark.parametrize("settings", [ach.Settings(), ach.Settings(scheme="bayes"), ach.Settings(dependence=1.0, na="average")])
@pytest.mark.parametrize("question", QUESTIONS)
def test_linchpin_solutions_really_overturn_the_result(question, settings):
    m = ach.build_matrix(question)
    lp = ach.linchpins(m, settings, limit=10, max_changes=2)
    base = _top(m, settings)
    # the search starts from the verdict's own top
    assert set(lp.baseline_top) == base == set(ach.verdict(m, settings, draws=200)["base_leaders"])
    for solution in lp.solutions():
        ratings = m.ratings.copy()
        for change in solution:
            i, h = m.items.index(change["item"]), m.hypotheses.index(change["hypothesis"])
            assert ratings[i, h] == change["from"]
            ratings[i, h] = change["to"]
        assert _top(m.with_ratings(ratings), settings) != base


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_solution_is_counted_by_the_top_it_leaves_and_each_example_leaves_it(question):
    m = ach.build_matrix(question)
    lp = ach.linchpins(m, "heuer", limit=3)
    assert sum(o["count"] for o in lp.outcomes) == lp.n_solutions  # every solution, not only the listed ones
    assert len({tuple(o["top_after"]) for o in lp.outcomes}) == len(lp.outcomes)
    s = ach.Settings()
    for o in lp.outcomes:
        ratings = m.ratings.copy()
        for x in o["example"]:
            i, h = m.items.index(x["item"]), m.hypotheses.index(x["hypothesis"])
            assert ratings[i, h] == x["from"]
            ratings[i, h] = x["to"]
        after = ach.leader_set(ach.evaluate(m.with_ratings(ratings), s).badness, s)
        assert [h for h, keep in zip(m.hypotheses, after) if keep] == o["top_after"]
