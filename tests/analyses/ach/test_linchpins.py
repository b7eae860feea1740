"""ach.linchpins: the fewest rating changes that change the top, checked against brute force."""

from __future__ import annotations

import itertools

import pytest
from ach_examples import M, matrices, settings
from hypothesis import given, settings as run

from assad_collapse.analyses import ach
from assad_collapse.paper.vocabulary import QUESTIONS

SCALE = ach.SCALE


def test_linchpins_of_size_two():
    m = M(["A", "B"], [["N", "II"], ["C", "C"]])
    # A = 0, B = 2. One step closes at most 1 of the gap; the one pair that ties them:
    # e1/A N->I (A = 1) and e1/B II->I (B = 1)
    lp = ach.linchpins(m, "heuer")
    assert lp.size == 2 and lp.exact and lp.n_solutions == 1 and lp.baseline_top == ("A",)
    assert lp.solutions() == [[{"item": "e1", "hypothesis": "A", "from": "N", "to": "I"},
                               {"item": "e1", "hypothesis": "B", "from": "II", "to": "I"}]]
    assert set(lp.changes["top_after"]) == {"A;B"}
    assert ach.linchpins(m, "heuer", max_changes=1).size is None


def test_linchpin_target():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]])
    # b = 1 and a = 1 tie first, c = 2. Unseating b: e1/b I->II (b = 2) or e2/a I->N (a = 0)
    lp = ach.linchpins(m, "heuer", target="b")
    assert lp.size == 1 and {tuple(s[0].values()) for s in lp.solutions()} == {("e1", "b", "I", "II"), ("e2", "a", "I", "N")}
    crown = ach.linchpins(m, "heuer", target="c")
    assert crown.size == 1 and crown.solutions() == [[{"item": "e3", "hypothesis": "c", "from": "II", "to": "I"}]]
    assert crown.changes["top_after"].tolist() == ["b;a;c"]


def _moves(m):
    for i, h in itertools.product(range(len(m.items)), range(len(m.hypotheses))):
        code = m.ratings[i, h]
        if code != "NA":
            k = SCALE.index(code)
            yield from ((i, h, SCALE[j]) for j in (k - 1, k + 1) if 0 <= j < len(SCALE))


def _brute_force(m, s, max_changes):
    """The smallest number of one-step changes (on distinct cells) that change the top, by trying every set."""
    base = set(ach.top(m, s))
    moves = list(_moves(m))
    for size in range(1, max_changes + 1):
        for combo in itertools.combinations(moves, size):
            if len({(i, h) for i, h, _ in combo}) < size:
                continue
            ratings = m.ratings.copy()
            for i, h, to in combo:
                ratings[i, h] = to
            if set(ach.top(m.with_ratings(ratings), s)) != base:
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
    base = set(ach.top(m, settings))
    for solution in lp.solutions():
        ratings = m.ratings.copy()
        for change in solution:
            i, h = m.items.index(change["item"]), m.hypotheses.index(change["hypothesis"])
            assert ratings[i, h] == change["from"]
            ratings[i, h] = change["to"]
        assert set(ach.top(m.with_ratings(ratings), settings)) != base
