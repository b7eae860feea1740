"""ach.linchpins: the fewest rating changes that overturn the result."""

from __future__ import annotations

import pytest
from ach_examples import M

from assad_collapse.analyses import ach
from assad_collapse.paper.vocabulary import QUESTIONS


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


def test_linchpins_of_size_three():
    m = M(["A", "B"], [["N", "II"], ["N", "I"], ["C", "C"]])
    # A = 0, B = 3; helpful moves: e1/A, e2/A N->I (+1 each), e1/B II->I, e2/B I->N (-1 each);
    # any three close the gap exactly: C(4, 3) = 4 solutions; no pair does
    lp = ach.linchpins(m, "heuer")
    assert lp.size == 3 and lp.exact and lp.n_solutions == 4
    assert ach.linchpins(m, "heuer", max_changes=2).size is None


def test_linchpin_target():
    m = M(["b", "a", "c"], [["I", "C", "C"], ["C", "I", "C"], ["C", "C", "II"]])
    # b = 1 and a = 1 tie first, c = 2. Unseating b: e1/b I->II (b = 2) or e2/a I->N (a = 0);
    # e3/c II->I only brings c level with both (b stays first)
    lp = ach.linchpins(m, "heuer", target="b")
    assert lp.size == 1 and {tuple(s[0].values()) for s in lp.solutions()} == {("e1", "b", "I", "II"), ("e2", "a", "I", "N")}
    # crowning c: e3/c II->I makes a three-way tie at 1, so c is first (shared) after one change
    crown = ach.linchpins(m, "heuer", target="c")
    assert crown.size == 1 and crown.solutions() == [[{"item": "e3", "hypothesis": "c", "from": "II", "to": "I"}]]
    assert crown.changes["top_after"].tolist() == ["b;a;c"]


@pytest.mark.parametrize("scheme", ach.SCHEMES)
@pytest.mark.parametrize("question", QUESTIONS)
def test_linchpin_solutions_really_overturn_the_result(question, scheme):
    m = ach.build_matrix(question)
    lp = ach.linchpins(m, scheme, limit=10)
    base = set(ach.top(m, scheme))
    for solution in lp.solutions():
        ratings = m.ratings.copy()
        for change in solution:
            i, h = m.items.index(change["item"]), m.hypotheses.index(change["hypothesis"])
            assert ratings[i, h] == change["from"]
            ratings[i, h] = change["to"]
        assert set(ach.top(m.with_ratings(ratings), scheme)) != base
