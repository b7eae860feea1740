"""ach.sensitivity: leave-one-out and discounting kinds of source."""

from __future__ import annotations

import pandas as pd
import pytest
from ach_examples import M, _ranks

from assad_collapse.analyses import ach


def test_leave_one_out_uses_the_verdicts_tie_rule():
    m = M(["A", "B"], [["I", "C"], ["C", "I"], ["II", "C"]])
    # full: A = 1 + 2 = 3, B = 1 -> B, two ordinary inconsistencies ahead. Without e3: A = 1, B = 1 -> tie;
    # without e1: A = 2, B = 1, a lead of one, within the margin -> tie; without e2 B stays first alone
    loo = ach.leave_one_out(m, "heuer").set_index("item")
    assert loo["changes_top"].to_dict() == {"e1": True, "e2": False, "e3": True}
    assert loo.loc["e3", "top"] == "A;B" and loo.loc["e1", "top"] == "A;B" and loo.loc["e2", "top"] == "B"
    # the strict ranks are still given: without e1 B is still ranked first on its own
    assert (loo.loc["e1", "A"], loo.loc["e1", "B"]) == (2, 1)


@pytest.mark.parametrize("settings", [ach.Settings(), ach.Settings(scheme="bayes"), ach.Settings(dependence=1.0),
                                      ach.Settings(na="average", scheme="bayes", ladder="symmetric")])
def test_leave_one_out_equals_dropping_the_item(settings):
    m = ach.build_matrix("collapse")
    loo = ach.leave_one_out(m, settings).set_index("item")
    for item in m.items[::4]:
        assert {h: loo.loc[item, h] for h in m.hypotheses} == _ranks(m.drop([item]), settings)


def test_leave_one_out_of_a_neutral_item_changes_nothing_even_with_dependence():
    m = M(["A", "B"], [["II", "N"], ["N", "N"], ["N", "I"]], source_group=["g", "g", "h"])
    loo = ach.leave_one_out(m, dependence=1.0).set_index("item")
    assert not loo.loc["e2", "changes_rank"]


def test_discount_to_zero_equals_removing_the_items():
    m = M(["A", "B", "C"], [["I", "C", "C"], ["C", "II", "C"], ["N", "I", "I"]],
          source_kind=["author", "unattributed", "author"], source_group=["g", "g", "h"],
          credibility=["high", "low", "medium"])
    dropped, removed = ach.discount(m, ["unattributed"], 0.0), m.drop(["e2"])
    for s in (ach.Settings(), ach.Settings(scheme="bayes"), ach.Settings(dependence=1.0)):
        pd.testing.assert_frame_equal(ach.score(dropped, s), ach.score(removed, s))
    assert ach.discount(m, ["author"], 0.5).factor.tolist() == [0.5, 1.0, 0.5]


def test_discount_each_kind_on_the_real_data():
    m = ach.build_matrix("collapse")
    each = ach.discount_each_kind(m).set_index("kind")
    assert set(each.index) == set(m.source_kind)
    assert each["items"].sum() == len(m.items)
    officer = [i for i, k in zip(m.items, m.source_kind) if k == "syrian_officer"]
    assert {h: each.loc["syrian_officer", h] for h in m.hypotheses} == _ranks(m.drop(officer), "heuer")
